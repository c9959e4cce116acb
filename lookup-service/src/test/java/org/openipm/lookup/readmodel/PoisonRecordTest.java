package org.openipm.lookup.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.TopicReader;

/** One unreadable record must neither stop the read model nor vanish: it is parked in the dead-letter topic. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PoisonRecordTest {

    static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.PRODUCT_EVENTS, "lookup-service");

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheNextGoodOneIsApplied() {
        String key = UUID.randomUUID().toString();
        RecordMetadata notJson = CatalogueEvents.sendRaw(null, key, "not json at all".getBytes(StandardCharsets.UTF_8),
                CatalogueEvents.cloudEventHeaders(UUID.randomUUID(), EventTypes.PRODUCT_PUBLISHED));
        CatalogueEvents.sendRaw(notJson.partition(), key, "{\"product\":{\"name\":\"no id\"}}".getBytes(
                StandardCharsets.UTF_8), CatalogueEvents.cloudEventHeaders(UUID.randomUUID(),
                EventTypes.PRODUCT_PUBLISHED));
        CatalogueEvents.sendRaw(notJson.partition(), key, "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_type", EventTypes.PRODUCT_PUBLISHED));
        String gtin = CatalogueEvents.newGtin13();
        var good = CatalogueEvents.product().gtins(gtin).snapshot();
        CatalogueEvents.sendRaw(notJson.partition(), good.productId().toString(), json(good),
                CatalogueEvents.cloudEventHeaders(UUID.randomUUID(), EventTypes.PRODUCT_PUBLISHED));

        CatalogueEvents.awaitFound(gtin, 1);
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            List<ConsumerRecord<String, String>> parked = deadLetters.await(r -> key.equals(r.key()), 3,
                    Duration.ofSeconds(20));
            assertThat(parked).extracting(ConsumerRecord::value)
                    .containsExactly("not json at all", "{\"product\":{\"name\":\"no id\"}}", "{}");
            assertThat(TopicReader.header(parked.get(0), "dead-letter-reason")).isNotBlank();
        }
    }

    @Test
    void deadLetterTopicIsTheOneTheContractsName() {
        assertThat(ConfigProvider.getConfig().getValue(
                "mp.messaging.incoming.product-events.dead-letter-queue.topic", String.class))
                .isEqualTo(DEAD_LETTERS);
    }

    private static byte[] json(Object snapshot) {
        try {
            return CatalogueEvents.JSON.writeValueAsBytes(Map.of("product", snapshot));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
