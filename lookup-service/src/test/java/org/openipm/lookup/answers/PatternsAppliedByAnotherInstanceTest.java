package org.openipm.lookup.answers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.lookup.readmodel.ReadModelService;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * Instances share one read model but each applies only its own partitions: a pattern another instance applied
 * (here: applied straight into the shared tables, with no event in this instance) is in use here within moments,
 * long before the minute-long safety-net reload.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PatternsAppliedByAnotherInstanceTest {

    @Inject
    ReadModelService readModel;

    @Test
    void patternAppliedByAnotherInstanceIsUsedWithoutAnEventHere() {
        String prefix = "QX" + CatalogueEvents.digits(4);
        var bag = CatalogueEvents.product().name("Wallet").category("BAGS_AND_ACCESSORIES")
                .pattern("first", prefix + "-A[0-9]{4}");
        bag.send();
        CatalogueEvents.awaitFound(prefix + "-A1234", 1);
        CatalogueEvents.awaitFound(prefix + "-B9876", 0);

        ProductSnapshot second = bag.version(2).pattern("second", prefix + "-B[0-9]{4}").snapshot();
        QuarkusTransaction.requiringNew().run(() -> readModel.apply(second));

        Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("code", prefix + "-B9876")
                        .get("/api/v1/lookup").then().statusCode(200)
                        .body("products[0].matchedPatternIds", contains("second")));
    }
}
