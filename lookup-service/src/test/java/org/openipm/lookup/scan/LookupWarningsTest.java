package org.openipm.lookup.scan;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.openipm.lookup.CatalogueEvents.lookupAsOfficer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;

/** The code itself can be the red flag: a bad check digit, an unknown GTIN in a brand's range, a disputed GTIN. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LookupWarningsTest {

    @Test
    void wrongCheckDigitIsAWarning() {
        String gtin = CatalogueEvents.newGtin13();
        String forged = gtin.substring(0, 12) + ((gtin.charAt(12) - '0' + 1) % 10);

        lookupAsOfficer(forged)
                .body("interpretation.valid", equalTo(false))
                .body("products", hasSize(0))
                .body("warnings.code", contains("WRONG_CHECK_DIGIT"));
    }

    @Test
    void gtinInABrandsCompanyPrefixButNotInItsCatalogueIsSuspicious() {
        String prefix = CatalogueEvents.digits(9);
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String known = CatalogueEvents.withCheckDigit(prefix + "001");
        CatalogueEvents.product().brand(brand, prefix).gtins(known).send();
        CatalogueEvents.awaitFound(known, 1);
        lookupAsOfficer(known).body("warnings", hasSize(0));

        String unknown = CatalogueEvents.withCheckDigit(prefix + "999");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> lookupAsOfficer(unknown)
                .body("products", hasSize(0))
                .body("warnings.code", contains("SUSPICIOUS_UNKNOWN_GTIN"))
                .body("warnings[0].brandIds", contains(brand)));
    }

    @Test
    void gtinClaimedByTwoBrandsShowsBothAndWarns() {
        String gtin = CatalogueEvents.newGtin13();
        var genuine = CatalogueEvents.product().gtins(gtin);
        var claimant = CatalogueEvents.product().gtins(gtin);
        genuine.send();
        claimant.send();
        CatalogueEvents.awaitFound(gtin, 2);

        lookupAsOfficer(gtin)
                .body("products.productId", containsInAnyOrder(genuine.id().toString(), claimant.id().toString()))
                .body("warnings.code", contains("GTIN_CLAIMED_BY_SEVERAL_BRANDS"))
                .body("warnings[0].brandIds", containsInAnyOrder(genuine.snapshot().brandId(),
                        claimant.snapshot().brandId()));
    }

}
