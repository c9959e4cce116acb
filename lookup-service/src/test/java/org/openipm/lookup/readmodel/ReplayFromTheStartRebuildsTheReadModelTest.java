package org.openipm.lookup.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.openipm.events.Topics;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;

/**
 * The read model is only a projection of product-events: a store lost and rebuilt by reading the topic from
 * offset 0 with a new consumer group, through the same handler, ends up exactly as it was.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ReplayFromTheStartRebuildsTheReadModelTest {

    @Inject
    ProductEventHandler handler;
    @Inject
    EntityManager entityManager;

    @Test
    void replayingTheTopicFromOffsetZeroRebuildsTheSameReadModel() {
        String prefix = CatalogueEvents.digits(8);
        String watchGtin = CatalogueEvents.withCheckDigit(prefix + "0001");
        var watch = CatalogueEvents.product().brand("brand-" + prefix, prefix).gtins(watchGtin);
        var phone = CatalogueEvents.product().tacRange("86" + prefix.substring(0, 4) + "00", "86"
                + prefix.substring(0, 4) + "99").pattern("p1", "RB" + prefix + "-[0-9]{4}");
        var retired = CatalogueEvents.product().gtins(CatalogueEvents.newGtin13());
        watch.send();
        phone.send();
        retired.send();
        watch.version(2).name("Watch renamed").send();
        retired.version(2).status("RETIRED").send();
        var marker = CatalogueEvents.product().gtins(CatalogueEvents.newGtin13());
        List<UUID> ids = List.of(watch.id(), phone.id(), retired.id(), marker.id());
        marker.send();
        CatalogueEvents.awaitFound(watchGtin, 1);
        CatalogueEvents.awaitFound(marker.snapshot().gtins().get(0), 1);
        CatalogueEvents.awaitFound("RB" + prefix + "-1234", 1);
        List<String> before = readModelOf(ids);

        forget(ids);
        assertThat(readModelOf(ids)).isEmpty();
        replayFromOffsetZero();

        assertThat(readModelOf(ids)).isEqualTo(before);
    }

    /**
     * What a fresh store lacks: these products' rows and the record of every processed event (other tests'
     * products keep their rows, so replaying their events must leave them as they are).
     */
    private void forget(List<UUID> ids) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from processed_event where consumer = ?1")
                    .setParameter(1, ProductEventHandler.CONSUMER).executeUpdate();
            for (UUID id : ids) {
                entityManager.createNativeQuery("delete from product where id = ?1").setParameter(1, id)
                        .executeUpdate();
                entityManager.createNativeQuery("delete from applied_version where product_id = ?1")
                        .setParameter(1, id).executeUpdate();
            }
        });
    }

    private void replayFromOffsetZero() {
        try (KafkaConsumer<String, byte[]> replay = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lookup-replay-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = replay.partitionsFor(Topics.PRODUCT_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            replay.assign(partitions);
            replay.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = replay.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> replay.position(p) < end.get(p))) {
                // Batches as the live consumer gets them; other tests' poison records are set aside again.
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                replay.poll(Duration.ofMillis(200)).forEach(batch::add);
                handler.handle(batch);
            }
        }
    }

    private List<String> readModelOf(List<UUID> ids) {
        String idList = "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            for (String sql : List.of(
                    "select concat_ws('|', id, version, card, contacts, snapshot, search) from product",
                    "select concat_ws('|', product_id, gtin, brand_id) from product_gtin",
                    "select concat_ws('|', product_id, tacs) from product_tac_range",
                    "select concat_ws('|', product_id, pattern_id, regex) from product_code_pattern",
                    "select concat_ws('|', product_id, version, status) from applied_version")) {
                String where = sql.endsWith("from product") ? " where id = any(cast(?1 as uuid[]))"
                        : " where product_id = any(cast(?1 as uuid[]))";
                @SuppressWarnings("unchecked")
                List<String> found = entityManager.createNativeQuery(sql + where + " order by 1")
                        .setParameter(1, idList).getResultList();
                rows.addAll(found);
            }
            return rows;
        });
    }
}
