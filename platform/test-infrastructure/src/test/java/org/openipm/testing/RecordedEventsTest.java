package org.openipm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;

/** The record check itself, on hand-made records; the services' tests run it on what they really publish. */
class RecordedEventsTest {

    private static final String PRODUCT = UUID.randomUUID().toString();
    private static final String VIEW = """
            {"viewId":"%s","productId":"%s","brandId":"acme","officer":"officer-1","authority":null,
             "country":"FR","code":"09520123456788","viewedAt":"2026-01-02T03:04:05.123456Z"}"""
            .formatted(UUID.randomUUID(), PRODUCT);

    @Test
    void aRecordAsTheServicesWriteItIsAConformingCloudEvent() {
        CloudEvent event = RecordedEvents.conforming(record(VIEW, CloudEventHeaders.SUBJECT, PRODUCT));

        assertThat(event.getType()).isEqualTo(EventTypes.PRODUCT_VIEWED);
        assertThat(event.getSubject()).isEqualTo(PRODUCT);
        assertThat(event.getTime()).isNotNull();
    }

    @Test
    void aRecordWithoutSpecVersionIsNoCloudEvent() {
        assertThatThrownBy(() -> RecordedEvents.conforming(record(VIEW, CloudEventHeaders.SPEC_VERSION, null)))
                .hasMessageContaining("Not a CloudEvent");
    }

    @Test
    void aMissingSubjectOrContentTypeBreaksTheContract() {
        assertThatThrownBy(() -> RecordedEvents.conforming(record(VIEW, CloudEventHeaders.SUBJECT, null)))
                .hasMessageContaining("subject null is not the record key");
        assertThatThrownBy(() -> RecordedEvents.conforming(record(VIEW, CloudEventHeaders.CONTENT_TYPE, "text/plain")))
                .hasMessageContaining("datacontenttype text/plain");
    }

    @Test
    void aPayloadOutsideItsSchemaBreaksTheContract() {
        String noOfficer = VIEW.replace("\"officer\":\"officer-1\",", "");

        assertThatThrownBy(() -> RecordedEvents.conforming(record(noOfficer, CloudEventHeaders.SUBJECT, PRODUCT)))
                .hasMessageContaining("officer");
    }

    /** A product-viewed record with every documented header, one of them replaced (or left out when null). */
    private static ConsumerRecord<String, String> record(String value, String header, String headerValue) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.PRODUCT_VIEWED, 0, 0L, PRODUCT, value);
        add(record, CloudEventHeaders.ID, UUID.randomUUID().toString(), header, headerValue);
        add(record, CloudEventHeaders.SOURCE, "/openipm/lookup-service", header, headerValue);
        add(record, CloudEventHeaders.TYPE, EventTypes.PRODUCT_VIEWED, header, headerValue);
        add(record, CloudEventHeaders.TIME, "2026-01-02T03:04:05.123456Z", header, headerValue);
        add(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0, header, headerValue);
        add(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON, header, headerValue);
        add(record, CloudEventHeaders.SUBJECT, PRODUCT, header, headerValue);
        return record;
    }

    private static void add(ConsumerRecord<String, String> record, String name, String value, String replaced,
            String replacement) {
        String written = name.equals(replaced) ? replacement : value;
        if (written != null) {
            record.headers().add(name, written.getBytes(StandardCharsets.UTF_8));
        }
    }
}
