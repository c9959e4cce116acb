package org.openipm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.Topics;
import org.openipm.platform.testapp.GadgetMade;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.TopicReader;

/** Poison records, dead-letter topics and idempotent consumption against the real broker and database. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DeadLettersTest {

    private static final String DEAD_LETTERS = Topics.deadLetterOf(GadgetMade.TOPIC, "platform-test");

    @Inject
    DeadLetters deadLetters;

    @Inject
    ProcessedEventRepository processedEvents;

    @Inject
    EntityManager entityManager;

    @Test
    void aPoisonRecordLandsOnTheConsumersDeadLetterTopicWithItsReasonAndTheConsumerGoesOn() {
        String name = "poison-" + UUID.randomUUID();
        UUID good = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(GadgetMade.TOPIC, null, name, "{\"name\":\"" + name + "\"}",
                    new RecordHeaders())); // no envelope: cannot be deduplicated
            producer.send(new ProducerRecord<>(GadgetMade.TOPIC, null, name, "{\"name\":\"" + name + "\",\"sequence\":2}",
                    CloudEventHeaders.write(good, GadgetMade.TYPE, "elsewhere", name, Instant.now())));
        }

        try (TopicReader dlq = new TopicReader(DEAD_LETTERS)) {
            ConsumerRecord<String, String> poison = dlq.awaitOne(r -> name.equals(r.key()));
            String headers = Arrays.toString(poison.headers().toArray());
            assertThat(TopicReader.header(poison, "dead-letter-reason")).as(headers).contains("no ce_id header");
            assertThat(TopicReader.header(poison, "dead-letter-exception-class-name")).as(headers)
                    .isEqualTo(ReceivedEvent.MalformedEventException.class.getName());
            assertThat(TopicReader.header(poison, "dead-letter-topic")).isEqualTo(GadgetMade.TOPIC);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> seen(good));
    }

    @Test
    void aRecordSetAsideByABatchConsumerKeepsItsHeadersAndGetsTheReason() {
        String name = "aside-" + UUID.randomUUID();
        RecordHeaders headers = (RecordHeaders) CloudEventHeaders.write(UUID.randomUUID(), GadgetMade.TYPE,
                "elsewhere", name, Instant.now());
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(GadgetMade.TOPIC, 2, 41L, name,
                "{}".getBytes(StandardCharsets.UTF_8));
        headers.forEach(h -> record.headers().add(h));

        deadLetters.send(record, new IllegalArgumentException("sequence missing", new NumberFormatException("x")));

        try (TopicReader dlq = new TopicReader(DEAD_LETTERS)) {
            ConsumerRecord<String, String> aside = dlq.awaitOne(r -> name.equals(r.key()));
            assertThat(TopicReader.header(aside, "dead-letter-reason")).isEqualTo("sequence missing");
            assertThat(TopicReader.header(aside, "dead-letter-exception-class-name"))
                    .isEqualTo(IllegalArgumentException.class.getName());
            assertThat(TopicReader.header(aside, "dead-letter-cause")).isEqualTo("x");
            assertThat(TopicReader.header(aside, "dead-letter-cause-class-name"))
                    .isEqualTo(NumberFormatException.class.getName());
            assertThat(TopicReader.header(aside, "dead-letter-partition")).isEqualTo("2");
            assertThat(TopicReader.header(aside, "dead-letter-offset")).isEqualTo("41");
            assertThat(CloudEventHeaders.read(aside.headers()).subject()).isEqualTo(name);
        }
    }

    @Test
    void aBatchOfEventIdsIsRecordedOnceEachInOneStatement() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        assertThat(QuarkusTransaction.requiringNew().call(() -> processedEvents.firstDeliveries(List.of(a, b, a), "t")))
                .containsExactlyInAnyOrder(a, b);
        assertThat(QuarkusTransaction.requiringNew().call(() -> processedEvents.firstDeliveries(List.of(a, c), "t")))
                .isEqualTo(Set.of(c));
        assertThat(QuarkusTransaction.requiringNew().call(() -> processedEvents.firstDelivery(c, "other consumer")))
                .isTrue();
    }

    private boolean seen(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from gadget_seen where event_id = ?1").setParameter(1, eventId)
                .getResultList().isEmpty());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }
}
