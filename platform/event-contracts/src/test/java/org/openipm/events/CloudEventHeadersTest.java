package org.openipm.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

/** The envelope as the publisher writes it reads back whole; what a consumer cannot do without is refused. */
class CloudEventHeadersTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant TIME = Instant.parse("2026-01-02T03:04:05.123456Z");

    @Test
    void whatIsWrittenReadsBackAsTheSameEnvelope() {
        Headers headers = CloudEventHeaders.write(ID, EventTypes.PRODUCT_VIEWED, "lookup-service", "p-1", TIME);

        assertThat(CloudEventHeaders.read(headers)).isEqualTo(new CloudEventHeaders.Envelope(ID,
                EventTypes.PRODUCT_VIEWED, "/openipm/lookup-service", "p-1", TIME));
        assertThat(CloudEventHeaders.value(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEventHeaders.value(headers, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headers.toArray()).hasSize(7);
    }

    @Test
    void anEventWithoutAUsableIdOrTypeIsRefusedSayingWhy() {
        Headers noId = CloudEventHeaders.write(ID, EventTypes.PRODUCT_VIEWED, "s", "k", TIME).remove(CloudEventHeaders.ID);
        Headers noType = CloudEventHeaders.write(ID, EventTypes.PRODUCT_VIEWED, "s", "k", TIME).remove(CloudEventHeaders.TYPE);
        Headers badId = CloudEventHeaders.write(ID, EventTypes.PRODUCT_VIEWED, "s", "k", TIME)
                .add(CloudEventHeaders.ID, "view-1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventHeaders.read(noId)).hasMessage("no ce_id header");
        assertThatThrownBy(() -> CloudEventHeaders.read(noType)).hasMessage("no ce_type header");
        assertThatThrownBy(() -> CloudEventHeaders.read(badId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("view-1");
    }

    @Test
    void attributesAProducerMayLeaveOutReadAsAbsent() {
        Headers minimal = CloudEventHeaders.write(ID, EventTypes.PRODUCT_VIEWED, "s", "k", TIME)
                .remove(CloudEventHeaders.SOURCE).remove(CloudEventHeaders.SUBJECT).remove(CloudEventHeaders.TIME);

        assertThat(CloudEventHeaders.read(minimal)).isEqualTo(
                new CloudEventHeaders.Envelope(ID, EventTypes.PRODUCT_VIEWED, null, null, null));
    }
}
