package org.openipm.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 envelope of every OpenIPM event on Kafka (Kafka protocol binding, binary mode): the
 * attributes travel as {@code ce_} headers, the JSON payload is the record value and the record key is the
 * subject. The one place that writes and reads it: platform-runtime's publisher and consumers, and the tests'
 * readers (which also check it with the CloudEvents SDK).
 */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    /** Every source is {@code /openipm/<service>}: the service that published the event. */
    public static final String SOURCE_PREFIX = "/openipm/";

    /** The attributes of one event; on reading, those a producer may leave out (source, subject, time) can be null. */
    public record Envelope(UUID id, String type, String source, String subject, Instant time) {
    }

    private CloudEventHeaders() {
    }

    public static String sourceOf(String service) {
        return SOURCE_PREFIX + service;
    }

    /** The headers of an event published by {@code service}, keyed (and so with the subject) {@code key}. */
    public static Headers write(UUID id, String type, String service, String key, Instant time) {
        Headers headers = new RecordHeaders();
        put(headers, ID, id.toString());
        put(headers, SOURCE, sourceOf(service));
        put(headers, TYPE, type);
        put(headers, TIME, time.toString());
        put(headers, SPEC_VERSION, SPEC_VERSION_1_0);
        put(headers, CONTENT_TYPE, JSON);
        put(headers, SUBJECT, key);
        return headers;
    }

    /**
     * The envelope of a consumed record. Without an id that is a UUID and a type an event can be neither
     * deduplicated nor dispatched: {@link IllegalArgumentException}, saying what is wrong (the consumer then sets
     * the record aside).
     */
    public static Envelope read(Headers headers) {
        String id = value(headers, ID);
        String type = value(headers, TYPE);
        if (id == null || type == null) {
            throw new IllegalArgumentException("no " + (id == null ? ID : TYPE) + " header");
        }
        try {
            String time = value(headers, TIME);
            return new Envelope(UUID.fromString(id), type, value(headers, SOURCE), value(headers, SUBJECT),
                    time == null ? null : Instant.parse(time));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("bad envelope (" + ID + " " + id + "): " + e.getMessage(), e);
        }
    }

    /** The header's last value as text; null when absent. */
    public static String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
