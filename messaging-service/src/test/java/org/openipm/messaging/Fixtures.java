package org.openipm.messaging;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openipm.events.CloudEventHeaders;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.Tokens;

/** The world around messaging-service in tests: authorities registered through the API, raw Kafka records. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, byte[]> producer;

    private Fixtures() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An authority body with one office per code given (ports in the country's usual time zone). */
    public static Map<String, Object> authorityBody(String id, String country, String... officeCodes) {
        String zone = switch (country) {
            case "DE" -> "Europe/Berlin";
            case "US" -> "America/New_York";
            case "NL" -> "Europe/Amsterdam";
            case "BE" -> "Europe/Brussels";
            default -> "Europe/Paris";
        };
        List<Map<String, Object>> offices = java.util.Arrays.stream(officeCodes)
                .map(code -> Map.<String, Object>of("code", code, "name", "Office " + code, "kind", "PORT",
                        "timeZone", zone))
                .toList();
        return Map.of("id", id, "name", "Customs " + id, "country", country, "type", "CUSTOMS", "offices", offices,
                "languages", List.of("en"), "contacts", List.of(Map.of("name", "Duty desk", "email",
                        "desk@" + id + ".example")));
    }

    /** Registers a customs authority of the country with the given offices; returns its id. */
    public static String registerAuthority(String country, String... officeCodes) {
        String id = newId(country.toLowerCase() + "-customs");
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(authorityBody(id, country, officeCodes)).post("/api/v1/authorities").then().statusCode(201);
        return id;
    }

    public static Map<String, String> cloudEventHeaders(UUID eventId, String type, String service) {
        return Map.of(CloudEventHeaders.ID, eventId.toString(), CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "/openipm/" + service, CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TIME, java.time.Instant.now().toString(), CloudEventHeaders.CONTENT_TYPE,
                "application/json");
    }

    public static synchronized RecordMetadata send(String topic, Integer partition, String key, byte[] value,
            Map<String, String> headers) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value, recordHeaders)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
