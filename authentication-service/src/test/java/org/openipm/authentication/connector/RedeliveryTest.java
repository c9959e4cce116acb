package org.openipm.authentication.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.authentication.Fixtures.authenticate;
import static org.openipm.authentication.Fixtures.awaitCatalogue;
import static org.openipm.authentication.Fixtures.awaitCompleted;
import static org.openipm.authentication.Fixtures.digitalLink;
import static org.openipm.authentication.Fixtures.providerFor;
import static org.openipm.authentication.Fixtures.publishedProduct;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.authentication.TestProvider;
import org.openipm.events.Topics;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.TopicReader;

/** Kafka delivers at least once: a repeated request never reaches the provider twice; a poison one is set aside. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RedeliveryTest {

    @Test
    void aRedeliveredRequestWhoseVerdictIsRecordedNeverCallsTheProviderAgain() throws Exception {
        Fixtures.Product product = publishedProduct();
        TestProvider provider = providerFor(product, 5000);
        awaitCatalogue(product);
        UUID id = authenticate(digitalLink(product, "TWICE-1"));
        awaitCompleted(id);

        ConsumerRecord<String, String> original;
        try (TopicReader requested = new TopicReader(Topics.AUTHENTICATION_REQUESTED)) {
            original = requested.awaitOne(r -> id.toString().equals(r.key()));
        }
        long callsBefore = provider.callsFor(id);
        assertThat(callsBefore).isPositive();
        Map<String, String> headers = new HashMap<>();
        for (Header header : original.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        long offset = resend(original.key(), original.value(), headers, original.partition());

        awaitConsumedPast(original.partition(), offset);
        assertThat(provider.callsFor(id)).as("calls after the redelivery").isEqualTo(callsBefore);
        assertThat(awaitCompleted(id).getString("verdict")).isEqualTo("GENUINE");
    }

    @Test
    void aPoisonRequestGoesToTheDeadLetterTopicAndTheNextOneIsServed() {
        String key = UUID.randomUUID().toString();
        Fixtures.send(Topics.AUTHENTICATION_REQUESTED, key, "{not json".getBytes(StandardCharsets.UTF_8),
                Fixtures.cloudEventHeaders(UUID.randomUUID(),
                        org.openipm.events.EventTypes.AUTHENTICATION_REQUESTED, "authentication-service"));

        try (TopicReader deadLetters = new TopicReader(
                Topics.deadLetterOf(Topics.AUTHENTICATION_REQUESTED, "authentication-service"))) {
            ConsumerRecord<String, String> dead = deadLetters.awaitOne(r -> key.equals(r.key()));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("not readable");
        }
        UUID next = authenticate("(01)" + Fixtures.newGtin14());
        assertThat(awaitCompleted(next).getString("status")).isEqualTo("COMPLETED");
    }

    private static long resend(String key, String value, Map<String, String> headers, int partition)
            throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.AUTHENTICATION_REQUESTED,
                    partition, key, value.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get().offset();
        }
    }

    private static void awaitConsumedPast(int partition, long offset) {
        TopicPartition topicPartition = new TopicPartition(Topics.AUTHENTICATION_REQUESTED, partition);
        try (Admin admin = KafkaBroker.admin()) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(AuthenticationWorker.CONSUMER)
                        .partitionsToOffsetAndMetadata().get().get(topicPartition);
                return committed != null && committed.offset() > offset;
            });
        }
    }
}
