package org.openipm.notification.topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import org.openipm.events.EventTypes;
import org.openipm.events.alerts.AlertRaised;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.AlertTexts;
import org.openipm.notification.alert.Recipient;
import org.openipm.platform.outbox.Outbox;
import org.openipm.platform.outbox.OutboxEvent;

/**
 * Queues a brand's alert for its topic in the transaction that stores the alert: platform-runtime's outbox relay
 * publishes it after the commit (a crash loses nothing) and only a newly stored alert is queued (a redelivered
 * source publishes nothing twice). The event id is the alert id, so should the relay publish a row twice after a
 * crash, the brand's consumer sees the same {@code ce_id} again.
 */
@ApplicationScoped
public class AlertOutbox {

    private final Outbox outbox;
    private final ObjectMapper json;

    public AlertOutbox(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Alert alert, String topic) {
        if (alert.recipient().kind() != Recipient.Kind.BRAND) {
            throw new IllegalArgumentException("Only a brand's alerts go to an alert topic, not " + alert.recipient());
        }
        AlertRaised raised = new AlertRaised(alert.id(), alert.type().name(), alert.severity().name(),
                alert.recipient().id(), alert.brands(), alert.countries(), alert.facts(),
                AlertTexts.summary(alert, "en"), alert.link(), alert.sourceEventId(), alert.occurredAt());
        OutboxEvent row = new OutboxEvent();
        row.eventId = alert.id();
        row.topic = topic;
        row.key = alert.id().toString();
        row.type = EventTypes.ALERT_RAISED;
        row.occurredAt = alert.occurredAt();
        try {
            row.payload = new String(json.writeValueAsBytes(raised), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An alert is plain data", e);
        }
        outbox.persist(row);
    }
}
