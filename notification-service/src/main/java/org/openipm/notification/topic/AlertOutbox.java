package org.openipm.notification.topic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.openipm.events.EventTypes;
import org.openipm.events.alerts.AlertRaised;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.AlertTexts;
import org.openipm.notification.alert.Recipient;
import org.openipm.platform.outbox.Outbox;
import org.openipm.platform.outbox.Outbox.Pending;

/**
 * Queues a brand's alert for its topic in the transaction that stores the alert: platform-runtime's outbox relay
 * publishes it after the commit (a crash loses nothing) and only a newly stored alert is queued (a redelivered
 * source publishes nothing twice). Key = the alert id; should the relay publish a row twice after a crash, both
 * copies carry the same {@code ce_id}.
 */
@ApplicationScoped
public class AlertOutbox {

    private final Outbox outbox;

    public AlertOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A batch's brand alerts, each for its topic, in one insert. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueAll(List<Map.Entry<Alert, String>> alertsAndTopics) {
        outbox.recordAll(alertsAndTopics.stream().map(entry -> pending(entry.getKey(), entry.getValue())).toList());
    }

    private static Pending pending(Alert alert, String topic) {
        if (alert.recipient().kind() != Recipient.Kind.BRAND) {
            throw new IllegalArgumentException("Only a brand's alerts go to an alert topic, not " + alert.recipient());
        }
        return new Pending(topic, alert.id().toString(), EventTypes.ALERT_RAISED, alert.occurredAt(),
                new AlertRaised(alert.id(), alert.type().name(), alert.severity().name(), alert.recipient().id(),
                        alert.brands(), alert.countries(), alert.facts(), AlertTexts.summary(alert, "en"),
                        alert.link(), alert.sourceEventId(), alert.occurredAt()));
    }
}
