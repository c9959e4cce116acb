package org.openipm.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.CloudEventHeaders;

/**
 * The CloudEvents attributes of a consumed record. A record without a valid {@code ce_id} cannot be deduplicated,
 * so it is refused here and ends in the consumer's dead-letter topic.
 */
public record ReceivedEvent(UUID id, String type, String key, byte[] payload) {

    public static ReceivedEvent of(ConsumerRecord<String, byte[]> record) {
        CloudEventHeaders.Envelope envelope;
        try {
            envelope = CloudEventHeaders.read(record.headers());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage());
        }
        if (record.value() == null) {
            throw new MalformedEventException("record " + envelope.id() + " has no payload");
        }
        return new ReceivedEvent(envelope.id(), envelope.type(), record.key(), record.value());
    }

    /**
     * The payload as the record its type carries. JSON that does not read as that record can never apply, however
     * often it is delivered, so it is poison ({@link MalformedEventException}); the caller still checks the fields
     * its work needs.
     */
    public <T> T payloadAs(ObjectMapper json, Class<T> type) {
        T value;
        try {
            value = json.readValue(payload, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + id + " (" + this.type + ") is not readable as "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
        if (value == null) {
            throw new MalformedEventException("event " + id + " (" + this.type + ") has a null payload");
        }
        return value;
    }

    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
