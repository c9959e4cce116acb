package org.openipm.lookup.scan;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.openipm.lookup.CatalogueEvents.lookupAsOfficer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;

/**
 * Sixteen digits {@code 01} + GTIN-14 are a GS1 element string (read first) and an IMEISV whose TAC is their first
 * eight digits (read second). The lookup tries both, answers with the first that finds a product, and says which.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LookupTriesEveryReadingTest {

    @Test
    void aCodeWhoseGs1ReadingFindsNothingIsFoundByItsImeiReading() {
        String gtin13 = CatalogueEvents.newGtin13();
        String code = "010" + gtin13;
        String tac = code.substring(0, 8);
        var phone = CatalogueEvents.product().name("Phone 16").category("ELECTRONICS").tacRange(tac, tac);
        phone.send();
        CatalogueEvents.awaitFound(CatalogueEvents.imei(tac + "000001"), 1);

        lookupAsOfficer(code)
                .body("interpretation.kind", equalTo("GS1_ELEMENT_STRING"))
                .body("interpretation.gtin", equalTo("0" + gtin13))
                .body("interpretation.alternatives.kind", contains("IMEI"))
                .body("products", hasSize(1))
                .body("products[0].productId", equalTo(phone.id().toString()))
                .body("products[0].matchedBy", contains("TAC_RANGE"))
                .body("matchedReading", equalTo("IMEI"));
    }

    @Test
    void theGs1ReadingWinsWhenItFindsAProduct() {
        String gtin13 = CatalogueEvents.newGtin13();
        String code = "010" + gtin13;
        String tac = code.substring(0, 8);
        var watch = CatalogueEvents.product().name("Watch 16").gtins(gtin13);
        watch.send();
        CatalogueEvents.product().name("Phone 16").category("ELECTRONICS").tacRange(tac, tac).send();
        CatalogueEvents.awaitFound(gtin13, 1);
        CatalogueEvents.awaitFound(CatalogueEvents.imei(tac + "000001"), 1);

        lookupAsOfficer(code)
                .body("products", hasSize(1))
                .body("products[0].productId", equalTo(watch.id().toString()))
                .body("products[0].matchedBy", contains("GTIN"))
                .body("matchedReading", equalTo("GS1_ELEMENT_STRING"));
        lookupAsOfficer(gtin13).body("matchedReading", equalTo("GTIN"));
    }

    @Test
    void aCodeNoReadingFindsNamesNoReading() {
        lookupAsOfficer("010" + CatalogueEvents.newGtin13())
                .body("matchedReading", nullValue())
                .body("products", hasSize(0));
    }
}
