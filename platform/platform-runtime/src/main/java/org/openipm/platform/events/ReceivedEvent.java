package org.openipm.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.openipm.events.CloudEventHeaders;

/**
 * The CloudEvents attributes of a consumed record. A record without a valid {@code ce_id} cannot be deduplicated,
 * so it is refused here and ends in the consumer's dead-letter topic.
 */
public record ReceivedEvent(UUID id, String type, String key, byte[] payload) {

    public static ReceivedEvent of(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no ce_id or ce_type header");
        }
        if (record.value() == null) {
            throw new MalformedEventException("record " + id + " has no payload");
        }
        try {
            return new ReceivedEvent(UUID.fromString(id), type, record.key(), record.value());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("record has a ce_id that is not a UUID: " + id);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
