package org.openipm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.CloudEventHeaders;

/**
 * Reads a record back from the broker the way a consumer built on other people's tools would: the CloudEvents
 * SDK's Kafka binding must parse it as a CloudEvents 1.0 event (binary mode) carrying every attribute the contract
 * documents, and its payload must pass the JSON Schema of its type in an independent validator (networknt).
 */
public final class RecordedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedEvents() {
    }

    /** The record as a CloudEvent; fails the test with every deviation from the contract found. */
    public static CloudEvent conforming(ConsumerRecord<String, String> record) {
        byte[] value = record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record.headers(), value).toEvent();
        } catch (RuntimeException e) {
            throw new AssertionError("Not a CloudEvent for the CloudEvents SDK: " + describe(record), e);
        }
        List<String> deviations = new ArrayList<>(deviations(event, record.key()));
        deviations.addAll(disagreements(event, record));
        if (!deviations.isEmpty()) {
            throw new AssertionError("Record breaks the event contract: " + deviations + " in " + describe(record));
        }
        return event;
    }

    /** Every way the event differs from what event-contracts documents; empty when it conforms. */
    static List<String> deviations(CloudEvent event, String key) {
        List<String> found = new ArrayList<>();
        if (event.getSpecVersion() != SpecVersion.V1) {
            found.add("specversion " + event.getSpecVersion() + " is not 1.0");
        }
        if (event.getId() == null || event.getId().isBlank()) {
            found.add("no id");
        }
        if (event.getSource() == null || !event.getSource().toString().startsWith(CloudEventHeaders.SOURCE_PREFIX)) {
            found.add("source " + event.getSource() + " is not " + CloudEventHeaders.SOURCE_PREFIX + "<service>");
        }
        if (event.getTime() == null) {
            found.add("no time");
        }
        if (!CloudEventHeaders.JSON.equals(event.getDataContentType())) {
            found.add("datacontenttype " + event.getDataContentType() + " is not " + CloudEventHeaders.JSON);
        }
        if (event.getSubject() == null || !event.getSubject().equals(key)) {
            found.add("subject " + event.getSubject() + " is not the record key " + key);
        }
        if (event.getData() == null) {
            found.add("no data");
            return found;
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(event.getData().toBytes());
        } catch (IOException e) {
            found.add("data is not JSON: " + e.getMessage());
            return found;
        }
        found.addAll(EventSchemaValidator.violations(event.getType(), payload));
        return found;
    }

    /** Where the platform's own reader of the envelope (what consumers use) sees other attributes than the SDK. */
    static List<String> disagreements(CloudEvent event, ConsumerRecord<String, String> record) {
        CloudEventHeaders.Envelope read;
        try {
            read = CloudEventHeaders.read(record.headers());
        } catch (IllegalArgumentException e) {
            return List.of("the platform cannot read the envelope: " + e.getMessage());
        }
        CloudEventHeaders.Envelope sdk = new CloudEventHeaders.Envelope(UUID.fromString(event.getId()),
                event.getType(), String.valueOf(event.getSource()), event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant());
        return read.equals(sdk) ? List.of() : List.of("the platform reads " + read + ", the CloudEvents SDK " + sdk);
    }

    private static String describe(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " key " + record.key();
    }
}
