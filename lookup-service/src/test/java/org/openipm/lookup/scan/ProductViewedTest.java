package org.openipm.lookup.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** Every product shown to an officer lands in the brand's access log (ISO 22378), keyed by product. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProductViewedTest {

    @Test
    void lookupPublishesOneViewPerProductShownWithTheOfficersClaims() throws Exception {
        String gtin = CatalogueEvents.newGtin13();
        var product = CatalogueEvents.product().gtins(gtin);
        product.send();
        CatalogueEvents.awaitFound(gtin, 1);
        String productId = product.id().toString();
        String scanned = "https://id.example.com/01/0" + gtin;

        given().auth().oauth2(Tokens.officer("be-customs", "BE")).queryParam("code", scanned).get("/api/v1/lookup")
                .then().statusCode(200);

        try (TopicReader views = new TopicReader(Topics.PRODUCT_VIEWED)) {
            ConsumerRecord<String, String> view = views.awaitOne(r -> productId.equals(r.key())
                    && r.value().contains("be-customs"));
            CloudEvent read = RecordedEvents.conforming(view);
            assertThat(read.getType()).isEqualTo(EventTypes.PRODUCT_VIEWED);
            assertThat(read.getSource()).hasToString("/openipm/lookup-service");
            JsonNode event = CatalogueEvents.JSON.readTree(view.value());
            assertThat(event.get("productId").asText()).isEqualTo(productId);
            assertThat(event.get("brandId").asText()).isEqualTo(product.snapshot().brandId());
            assertThat(event.get("officer").asText()).isEqualTo("officer-be-customs");
            assertThat(event.get("authority").asText()).isEqualTo("be-customs");
            assertThat(event.get("country").asText()).isEqualTo("BE");
            assertThat(event.get("code").asText()).isEqualTo(scanned);
            assertThat(event.get("viewedAt").asText()).isNotBlank();
            assertThat(views.drain(Duration.ofMillis(500))).filteredOn(r -> productId.equals(r.key())
                    && r.value().contains("be-customs")).hasSize(1);
        }
    }

    @Test
    void lookupThatShowsNothingPublishesNothing() {
        String gtin = CatalogueEvents.newGtin13();
        given().auth().oauth2(Tokens.officer("nl-customs", "NL")).queryParam("code", gtin).get("/api/v1/lookup")
                .then().statusCode(200);
        try (TopicReader views = new TopicReader(Topics.PRODUCT_VIEWED)) {
            assertThat(views.drain(Duration.ofSeconds(1))).noneMatch(r -> r.value().contains(gtin));
        }
    }
}
