package org.openipm.authentication.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.authentication.Fixtures.authenticate;
import static org.openipm.authentication.Fixtures.awaitCatalogue;
import static org.openipm.authentication.Fixtures.awaitCompleted;
import static org.openipm.authentication.Fixtures.digitalLink;
import static org.openipm.authentication.Fixtures.publishedProduct;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.provider.protocol.ProviderTopics;
import org.openipm.provider.protocol.Verdict;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * A provider connected over Kafka reads signed queries from its own topic and answers, signed, on its reply topic;
 * a silent one gives ERROR once its answer is overdue, a forged answer gives ERROR.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class KafkaProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void aKafkaProviderAnswersOnItsReplyTopic() throws Exception {
        Fixtures.Product product = publishedProduct();
        String secret = MessageSignatures.newSecret();
        String providerId = registerKafkaProvider(product, secret, 10_000);
        awaitCatalogue(product);

        UUID id = authenticate(digitalLink(product, "KAFKA-1"));
        ConsumerRecord<String, byte[]> query = awaitQuery(providerId, id);
        AuthenticationQuery asked = JSON.readValue(query.value(), AuthenticationQuery.class);
        MessageSignatures signatures = new MessageSignatures(secret);
        assertThat(signatures.verify(headersOf(query), new String(query.value(), StandardCharsets.UTF_8))).isTrue();
        answer(providerId, signatures, asked, Verdict.COUNTERFEIT);

        JsonPath verdict = awaitCompleted(id);
        assertThat(verdict.getString("verdict")).isEqualTo("COUNTERFEIT");
        assertThat(verdict.getString("provider")).isEqualTo(providerId);
    }

    @Test
    void aForgedAnswerOnTheReplyTopicIsAnError() throws Exception {
        Fixtures.Product product = publishedProduct();
        String providerId = registerKafkaProvider(product, MessageSignatures.newSecret(), 10_000);
        awaitCatalogue(product);

        UUID id = authenticate(digitalLink(product, "KAFKA-2"));
        AuthenticationQuery asked = JSON.readValue(awaitQuery(providerId, id).value(), AuthenticationQuery.class);
        answer(providerId, new MessageSignatures(MessageSignatures.newSecret()), asked, Verdict.GENUINE);

        JsonPath verdict = awaitCompleted(id);
        assertThat(verdict.getString("verdict")).isEqualTo("ERROR");
        assertThat(verdict.getString("reason")).startsWith("answer rejected: bad signature");
    }

    @Test
    void aSilentKafkaProviderGivesErrorOnceItsAnswerIsOverdue() {
        Fixtures.Product product = publishedProduct();
        String providerId = registerKafkaProvider(product, MessageSignatures.newSecret(), 500);
        awaitCatalogue(product);

        JsonPath verdict = awaitCompleted(authenticate(digitalLink(product, "KAFKA-3")));

        assertThat(verdict.getString("verdict")).isEqualTo("ERROR");
        assertThat(verdict.getString("reason")).isEqualTo("provider did not answer within 500 ms");
        assertThat(verdict.getString("provider")).isEqualTo(providerId);
    }

    private static String registerKafkaProvider(Fixtures.Product product, String secret, int timeoutMs) {
        String providerId = Fixtures.newId("kseal");
        try (var admin = KafkaBroker.admin()) {
            admin.createTopics(List.of(new NewTopic(ProviderTopics.requests(providerId), 1, (short) 1),
                    new NewTopic(ProviderTopics.replies(providerId), 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("id", providerId, "name", "Kafka seal", "connector", "KAFKA", "secret", secret,
                        "timeoutMs", timeoutMs, "coverage", Map.of("brands", List.of(product.brandId()))))
                .post("/api/v1/providers").then().statusCode(201);
        return providerId;
    }

    private static ConsumerRecord<String, byte[]> awaitQuery(String providerId, UUID requestId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(), "group.id", "provider-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(ProviderTopics.requests(providerId)));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < end) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (requestId.toString().equals(record.key())) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no query for " + requestId + " on " + ProviderTopics.requests(providerId));
        }
    }

    private static void answer(String providerId, MessageSignatures signatures, AuthenticationQuery asked,
            Verdict verdict) throws Exception {
        String body = JSON.writeValueAsString(new AuthenticationAnswer(asked.requestId(), asked.code(), verdict,
                0.9, new AuthenticationAnswer.Evidence("checked over Kafka", Map.of()), "k-1"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KafkaBroker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(ProviderTopics.replies(providerId),
                    asked.requestId().toString(), body.getBytes(StandardCharsets.UTF_8));
            signatures.sign("msg-" + UUID.randomUUID(), Instant.now(), body)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
