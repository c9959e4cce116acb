package org.openipm.notification.source;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.AlertRepository;
import org.openipm.notification.alert.Recipient;
import org.openipm.notification.topic.AlertOutbox;
import org.openipm.notification.topic.AlertTopics;

/**
 * Stores the alerts a source event makes, in one transaction with whatever else the event changes, and queues each
 * new brand alert for the brand's topic in that same transaction. The brand's topic is made sure to exist first,
 * outside the transaction, so the relay never waits on a topic that is not there.
 */
@ApplicationScoped
public class AlertStore {

    private final AlertRepository alerts;
    private final AlertTopics topics;
    private final AlertOutbox outbox;

    public AlertStore(AlertRepository alerts, AlertTopics topics, AlertOutbox outbox) {
        this.alerts = alerts;
        this.topics = topics;
        this.outbox = outbox;
    }

    public void store(List<Alert> made) {
        store(made, () -> { });
    }

    /** @param alsoInTransaction the event's other effects, committed with its alerts */
    public void store(List<Alert> made, Runnable alsoInTransaction) {
        Map<String, Optional<String>> brandTopics = new HashMap<>();
        for (Alert alert : made) {
            if (alert.recipient().kind() == Recipient.Kind.BRAND) {
                brandTopics.computeIfAbsent(alert.recipient().id(), topics::ensure);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            alsoInTransaction.run();
            for (Alert alert : made) {
                if (alerts.saveOnce(alert) && alert.recipient().kind() == Recipient.Kind.BRAND) {
                    brandTopics.get(alert.recipient().id()).ifPresent(topic -> outbox.queue(alert, topic));
                }
            }
        });
    }
}
