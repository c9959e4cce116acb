package org.openipm.lookup.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.TopicReader;
import org.openipm.testing.Tokens;

/**
 * A poll is applied as one set of statements: records sent back to back on one partition end exactly where
 * applying them one by one would, and a snapshot the database refuses costs only itself.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WholePollAppliedAtOnceTest {

    @Test
    void aBurstOfVersionsAndProductsEndsOnEachProductsNewestSnapshot() {
        var watch = CatalogueEvents.product();
        String[] gtins = { CatalogueEvents.newGtin13(), CatalogueEvents.newGtin13(), CatalogueEvents.newGtin13() };
        String otherGtin = CatalogueEvents.newGtin13();
        var other = CatalogueEvents.product().gtins(otherGtin);

        RecordMetadata first = publish(null, watch.version(1).name("One").gtins(gtins[0]).snapshot());
        publish(first.partition(), other.snapshot());
        publish(first.partition(), watch.version(3).name("Three").gtins(gtins[2]).snapshot());
        publish(first.partition(), watch.version(2).name("Two, late").gtins(gtins[1]).snapshot());

        CatalogueEvents.awaitFound(gtins[2], 1);
        CatalogueEvents.awaitFound(otherGtin, 1);
        lookup(gtins[2]).body("products[0].product.name", equalTo("Three"));
        lookup(gtins[0]).body("products.size()", equalTo(0));
        lookup(gtins[1]).body("products.size()", equalTo(0));
    }

    @Test
    void aSnapshotTheDatabaseRefusesIsSetAsideAndTheRestOfItsPollApplied() {
        String before = CatalogueEvents.newGtin13();
        String after = CatalogueEvents.newGtin13();
        // product.name is varchar(300): a 400-character name is readable JSON that the database refuses.
        ProductSnapshot refused = CatalogueEvents.product().name("N".repeat(400)).gtins(CatalogueEvents.newGtin13())
                .snapshot();

        RecordMetadata first = publish(null, CatalogueEvents.product().gtins(before).snapshot());
        publish(first.partition(), refused);
        publish(first.partition(), CatalogueEvents.product().gtins(after).snapshot());

        CatalogueEvents.awaitFound(before, 1);
        CatalogueEvents.awaitFound(after, 1);
        try (TopicReader deadLetters = new TopicReader(PoisonRecordTest.DEAD_LETTERS)) {
            List<ConsumerRecord<String, String>> parked = deadLetters.await(
                    r -> refused.productId().toString().equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(TopicReader.header(parked.get(0), "dead-letter-reason")).isNotBlank();
        }
    }

    private static RecordMetadata publish(Integer partition, ProductSnapshot snapshot) {
        try {
            return CatalogueEvents.sendRaw(partition, snapshot.productId().toString(),
                    CatalogueEvents.JSON.writeValueAsBytes(new ProductPublished(snapshot)),
                    CatalogueEvents.cloudEventHeaders(UUID.randomUUID(), EventTypes.PRODUCT_PUBLISHED));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse lookup(String code) {
        return given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("code", code)
                .get("/api/v1/lookup").then().statusCode(200);
    }
}
