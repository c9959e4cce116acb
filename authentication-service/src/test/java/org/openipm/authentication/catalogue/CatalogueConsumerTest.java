package org.openipm.authentication.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.authentication.Fixtures.awaitCatalogue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.authentication.Fixtures.Product;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.TopicReader;

/**
 * The catalogue copy read from {@code product-events} (group {@code authentication-service.catalogue}) against the
 * real broker and database: poison is set aside and the partition goes on, a redelivered event changes nothing, and
 * a database outage is waited out rather than dead-lettered.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CatalogueConsumerTest {

    static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.PRODUCT_EVENTS, "authentication-service");

    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry metrics;

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextRecordOfItsPartitionIsApplied() {
        Product product = new Product(UUID.randomUUID(), Fixtures.newId("brand"), Fixtures.newGtin14());
        String key = product.productId().toString();
        // Same key, so the same partition: the good record waits behind the two bad ones.
        Fixtures.send(Topics.PRODUCT_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8),
                Fixtures.cloudEventHeaders(UUID.randomUUID(), EventTypes.PRODUCT_PUBLISHED, "product-service"));
        Fixtures.send(Topics.PRODUCT_EVENTS, key, "{\"note\":\"no snapshot\"}".getBytes(StandardCharsets.UTF_8),
                Fixtures.cloudEventHeaders(UUID.randomUUID(), EventTypes.PRODUCT_PUBLISHED, "product-service"));
        Fixtures.publish(product, 1, "PUBLISHED");

        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            List<ConsumerRecord<String, String>> dead = deadLetters.await(r -> key.equals(r.key()), 2,
                    Duration.ofSeconds(30));
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly("{not json",
                    "{\"note\":\"no snapshot\"}");
            assertThat(TopicReader.header(dead.get(1), "dead-letter-reason")).contains("no product snapshot");
        }
        awaitCatalogue(product);
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        Product product = Fixtures.publishedProduct();
        awaitCatalogue(product);
        ConsumerRecord<String, String> published;
        try (TopicReader events = new TopicReader(Topics.PRODUCT_EVENTS)) {
            published = events.awaitOne(r -> product.productId().toString().equals(r.key()));
        }
        Fixtures.publish(product, 2, "RETIRED");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> gtinsKnown(Set.of(product.gtin())) == 0);

        long offset = resend(published);
        awaitConsumedPast(published.partition(), offset);

        assertThat(gtinsKnown(Set.of(product.gtin()))).as("the retired product's GTIN after the redelivery")
                .isZero();
    }

    @Test
    void duringADatabaseOutageRecordsAreRetriedNotDeadLetteredAndAppliedOnceItIsBack() {
        List<Product> sent = new ArrayList<>();
        publish(5, sent);
        double retriesBefore = retries();
        try (PostgresServer.Outage outage = PostgresServer.outage()) {
            publish(5, sent);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
        }
        publish(5, sent);

        Set<String> gtins = sent.stream().map(Product::gtin).collect(Collectors.toSet());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> gtinsKnown(gtins) == sent.size());
        Set<String> keys = sent.stream().map(p -> p.productId().toString()).collect(Collectors.toSet());
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            assertThat(deadLetters.drain(Duration.ofSeconds(2))).noneMatch(r -> keys.contains(r.key()));
        }
    }

    private static void publish(int count, List<Product> sent) {
        for (int i = 0; i < count; i++) {
            sent.add(Fixtures.publishedProduct());
        }
    }

    private long gtinsKnown(Set<String> gtins) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from catalogue_gtin where gtin = any(?)")) {
            query.setArray(1, connection.createArrayOf("varchar", gtins.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private double retries() {
        Counter counter = metrics.find("openipm.consumer.retries").tag("consumer", CatalogueHandler.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Sends the record again, headers (and so the event id) included, to its own partition. */
    private static long resend(ConsumerRecord<String, String> original) throws Exception {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : original.headers()) {
            headers.put(header.key(), header.value());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> again = new ProducerRecord<>(Topics.PRODUCT_EVENTS, original.partition(),
                    original.key(), original.value().getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, value) -> again.headers().add(name, value));
            return producer.send(again).get().offset();
        }
    }

    private static void awaitConsumedPast(int partition, long offset) {
        TopicPartition topicPartition = new TopicPartition(Topics.PRODUCT_EVENTS, partition);
        try (Admin admin = KafkaBroker.admin()) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(CatalogueHandler.CONSUMER)
                        .partitionsToOffsetAndMetadata().get().get(topicPartition);
                return committed != null && committed.offset() > offset;
            });
        }
    }
}
