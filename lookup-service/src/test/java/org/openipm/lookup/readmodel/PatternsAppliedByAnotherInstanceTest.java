package org.openipm.lookup.readmodel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * Instances share one read model but each applies only its own partitions: a pattern another instance wrote
 * (here: written straight into the shared tables, with no event in this instance) is found after the timer reload.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PatternsAppliedByAnotherInstanceTest {

    @Inject
    EntityManager entityManager;

    @Test
    void patternWrittenByAnotherInstanceIsFoundWithoutAnEventHere() {
        String prefix = "QX" + CatalogueEvents.digits(4);
        var bag = CatalogueEvents.product().name("Wallet").category("BAGS_AND_ACCESSORIES")
                .pattern("first", prefix + "-A[0-9]{4}");
        bag.send();
        CatalogueEvents.awaitFound(prefix + "-A1234", 1);

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into product_code_pattern (product_id, pattern_id, regex) values (?1, 'second', ?2)")
                .setParameter(1, bag.id()).setParameter(2, prefix + "-B[0-9]{4}").executeUpdate());

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("code", prefix + "-B9876")
                        .get("/api/v1/lookup").then().statusCode(200)
                        .body("products[0].matchedPatternIds", contains("second")));
    }
}
