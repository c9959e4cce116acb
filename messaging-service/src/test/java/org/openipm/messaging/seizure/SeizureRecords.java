package org.openipm.messaging.seizure;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.seizure.intake.ProducerTokens;

/** Seizures as customs systems write them, over HTTP or straight onto seizure-reported. */
public final class SeizureRecords {

    private SeizureRecords() {
    }

    /** One seizure of one goods line: {@code quantity} of {@code unit} carrying the code, worth value EUR. */
    public static Map<String, Object> seizure(String externalId, String code, double quantity, String unit,
            double value) {
        Map<String, Object> seizure = new HashMap<>();
        seizure.put("externalId", externalId);
        seizure.put("seizedOn", "2025-03-02");
        seizure.put("country", "FR");
        seizure.put("office", "FRLEH");
        seizure.put("transportMode", "POSTAL");
        seizure.put("goods", List.of(Map.of("codes", List.of(code), "description", "Wrist watches", "quantity",
                quantity, "unit", unit)));
        seizure.put("estimatedValue", value);
        seizure.put("currency", "EUR");
        seizure.put("consignor", Map.of("name", "Best Watches Ltd", "country", "CN"));
        return seizure;
    }

    /** Writes records onto seizure-reported as a customs system does: key authority/externalId, token header. */
    public static final class Writer implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;

        public Writer(String bootstrapServers) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                    new StringSerializer(), new ByteArraySerializer());
        }

        /** Sends and waits for the broker to hold it; {@code token} may be null (no header). */
        public void write(String key, byte[] value, String token) {
            RecordHeaders headers = new RecordHeaders();
            if (token != null) {
                headers.add(ProducerTokens.HEADER, token.getBytes(StandardCharsets.UTF_8));
            }
            try {
                producer.send(new ProducerRecord<>(Topics.SEIZURE_REPORTED, null, key, value, headers)).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public void write(String authority, Map<String, Object> seizure, String token) {
            write(authority + "/" + seizure.get("externalId"), json(seizure), token);
        }

        public void writeAll(String authority, List<Map<String, Object>> seizures, String token) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(ProducerTokens.HEADER, token.getBytes(StandardCharsets.UTF_8));
            var sent = seizures.stream().map(s -> producer.send(new ProducerRecord<>(Topics.SEIZURE_REPORTED, null,
                    authority + "/" + s.get("externalId"), json(s), headers))).toList();
            for (var one : sent) {
                try {
                    one.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    public static byte[] json(Object value) {
        try {
            return Fixtures.JSON.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
