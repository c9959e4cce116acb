package org.openipm.lookup.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openipm.events.Topics;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.TopicReader;

/**
 * Only a GTIN its brand is known to own makes that brand the owner of a scan: a product found through an unverified
 * GTIN is shown, flagged to the officer, and never reported to that brand as a view.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class UnverifiedGtinLookupTest {

    @Test
    void productFoundThroughAnUnverifiedGtinIsFlaggedAndNotLoggedForItsBrand() {
        String gtin = CatalogueEvents.newGtin13();
        var owner = CatalogueEvents.product().gtins(gtin);
        var claimant = CatalogueEvents.product().gtins(gtin).unverified(gtin);
        owner.send();
        claimant.send();
        CatalogueEvents.awaitFound(gtin, 2);
        String ownerBrand = owner.snapshot().brandId();
        String claimantBrand = claimant.snapshot().brandId();

        CatalogueEvents.lookupAsOfficer(gtin)
                .body("products.find { it.productId == '" + owner.id() + "' }.verified", equalTo(true))
                .body("products.find { it.productId == '" + claimant.id() + "' }.verified", equalTo(false))
                .body("products.find { it.productId == '" + claimant.id() + "' }.product.name",
                        equalTo(claimant.snapshot().name()))
                .body("warnings.find { it.code == 'UNVERIFIED_GTIN' }.brandIds", contains(claimantBrand));

        try (TopicReader views = new TopicReader(Topics.PRODUCT_VIEWED)) {
            views.awaitOne(r -> owner.id().toString().equals(r.key()) && r.value().contains(ownerBrand));
            assertThat(views.drain(Duration.ofMillis(500)))
                    .noneMatch(r -> claimant.id().toString().equals(r.key()) || r.value().contains(claimantBrand));
        }
    }

    @Test
    void snapshotWrittenBeforeVerifiedGtinsExistedReadsAsUnverifiedUntilANewerOneVerifies() throws Exception {
        String gtin = CatalogueEvents.newGtin13();
        var product = CatalogueEvents.product().gtins(gtin);
        var older = (com.fasterxml.jackson.databind.node.ObjectNode) CatalogueEvents.JSON
                .valueToTree(new org.openipm.events.product.ProductPublished(product.snapshot()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) older.get("product")).remove("verifiedGtins");
        CatalogueEvents.sendRaw(null, product.id().toString(), CatalogueEvents.JSON.writeValueAsBytes(older),
                CatalogueEvents.cloudEventHeaders(java.util.UUID.randomUUID(),
                        org.openipm.events.EventTypes.PRODUCT_PUBLISHED));
        CatalogueEvents.awaitFound(gtin, 1);
        CatalogueEvents.lookupAsOfficer(gtin).body("products[0].verified", equalTo(false))
                .body("warnings.code", hasItem("UNVERIFIED_GTIN"));

        // What the catalogue republishes once an administrator approves the brand's prefix.
        product.version(2).send();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                CatalogueEvents.lookupAsOfficer(gtin).body("products[0].verified", equalTo(true))
                        .body("warnings.code", not(hasItem("UNVERIFIED_GTIN"))));
    }

    @Test
    void brandContactChangeCarriedByANewSnapshotShowsOnTheCard() {
        String gtin = CatalogueEvents.newGtin13();
        var product = CatalogueEvents.product().gtins(gtin);
        product.send();
        CatalogueEvents.awaitFound(gtin, 1);

        product.contact("*", "Night desk", "night@brand.example").version(2).send();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                CatalogueEvents.lookupAsOfficer(gtin).body("products[0].contacts.email",
                        contains("night@brand.example")));
    }
}
