package org.openipm.lookup.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.openipm.lookup.CatalogueEvents.lookupAsOfficer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** Whatever the scanner produced, the officer gets the genuine product and how it was found. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LookupByCodeTest {

    @Test
    void bareGtinFindsThePublishedProduct() {
        String gtin = CatalogueEvents.newGtin13();
        var product = CatalogueEvents.product().name("Chronograph Alpha").gtins(gtin);
        product.send();
        CatalogueEvents.awaitFound(gtin, 1);

        lookupAsOfficer(gtin)
                .body("interpretation.kind", equalTo("GTIN"))
                .body("interpretation.gtin", equalTo("0" + gtin))
                .body("products", hasSize(1))
                .body("products[0].productId", equalTo(product.id().toString()))
                .body("products[0].matchedBy", contains("GTIN"))
                .body("products[0].product.name", equalTo("Chronograph Alpha"))
                .body("products[0].product.brand.name", equalTo(product.snapshot().brandName()))
                .body("products[0].product.imageIds", hasSize(1))
                .body("products[0].product.legitimateTrade.manufacturers[0].name", equalTo("Usine Horlogère SA"))
                .body("products[0].product.knownInfringers[0].name", equalTo("Fake Watches Ltd"))
                .body("warnings", hasSize(0));
    }

    @Test
    void digitalLinkUriFindsTheProduct() {
        String gtin = CatalogueEvents.newGtin13();
        CatalogueEvents.product().gtins(gtin).send();
        String uri = "https://id.example.com/01/0" + gtin + "/10/LOT42?17=271231";
        CatalogueEvents.awaitFound(uri, 1);

        lookupAsOfficer(uri)
                .body("interpretation.kind", equalTo("GS1_DIGITAL_LINK"))
                .body("interpretation.valid", equalTo(true))
                .body("interpretation.elements.ai", contains("01", "10", "17"))
                .body("products[0].matchedBy", contains("GTIN"));
    }

    @Test
    void scannedElementStringWithGroupSeparatorsFindsTheProduct() {
        String gtin = CatalogueEvents.newGtin13();
        CatalogueEvents.product().gtins(gtin).send();
        String scanned = "]C1010" + gtin + "10LOT42\u001D21SERIAL7";
        CatalogueEvents.awaitFound(scanned, 1);

        lookupAsOfficer(scanned)
                .body("interpretation.kind", equalTo("GS1_ELEMENT_STRING"))
                .body("interpretation.elements.value", contains("0" + gtin, "LOT42", "SERIAL7"))
                .body("products[0].matchedBy", contains("GTIN"));
    }

    @Test
    void imeiWithinATacRangeFindsTheDevice() {
        var phone = CatalogueEvents.product().name("Phone X").category("ELECTRONICS").tacRange("35123400", "35123499");
        phone.send();
        String imei = CatalogueEvents.imei("35123456" + "000123");
        CatalogueEvents.awaitFound(imei, 1);

        lookupAsOfficer(imei)
                .body("interpretation.kind", equalTo("IMEI"))
                .body("interpretation.tac", equalTo("35123456"))
                .body("products[0].productId", equalTo(phone.id().toString()))
                .body("products[0].matchedBy", contains("TAC_RANGE"));
        lookupAsOfficer(CatalogueEvents.imei("35123500" + "000123")).body("products", hasSize(0));
    }

    @Test
    void proprietaryCodeFindsTheProductWhosePatternMatches() {
        String prefix = "ZQ" + CatalogueEvents.digits(4);
        var bag = CatalogueEvents.product().name("Bag").category("LEATHER_GOODS")
                .pattern("box-serial", prefix + "-[0-9]{6}");
        bag.send();
        String code = prefix + "-123456";
        CatalogueEvents.awaitFound(code, 1);

        lookupAsOfficer(code)
                .body("interpretation.kind", equalTo("PROPRIETARY"))
                .body("products[0].productId", equalTo(bag.id().toString()))
                .body("products[0].matchedBy", contains("PROPRIETARY_PATTERN"))
                .body("products[0].matchedPatternIds", contains("box-serial"));
    }

    @Test
    void officerSeesCovertFeaturesAndOnlyTheContactsForTheirCountry() {
        String gtin = CatalogueEvents.newGtin13();
        CatalogueEvents.product().gtins(gtin).send();
        CatalogueEvents.awaitFound(gtin, 1);

        lookupAsOfficer(gtin)
                .body("products[0].product.features.title", containsInAnyOrder("Engraved logo", "UV mark"))
                .body("products[0].product.features.find { it.title == 'UV mark' }.visibility", equalTo("COVERT"))
                .body("products[0].contacts.country", containsInAnyOrder("FR", "*"));
        given().auth().oauth2(Tokens.officer("de-zoll", "DE")).queryParam("code", gtin).get("/api/v1/lookup")
                .then().statusCode(200).body("products[0].contacts.country", containsInAnyOrder("DE", "*"));
    }

}
