package org.openipm.notification.source;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.AlertRepository;
import org.openipm.notification.alert.Recipient;
import org.openipm.notification.topic.AlertOutbox;
import org.openipm.notification.topic.AlertTopics;

/**
 * Stores the alerts of a batch of source events in one transaction, with whatever else the events change, and
 * queues each new brand alert for the brand's topic in that same transaction. A brand's topic is made sure to exist
 * before the transaction commits (once per brand and instance: {@link AlertTopics} remembers), so the relay never
 * waits on a topic that is not there; a broker that does not answer rolls the batch back, to be retried.
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
        storeMadeInTransaction(() -> made);
    }

    /**
     * @param makeInTransaction applies the events' other effects and returns their alerts, in the transaction that
     *     stores them (so it can read what an earlier event of the same batch wrote)
     */
    public void storeMadeInTransaction(Supplier<List<Alert>> makeInTransaction) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Alert> made = makeInTransaction.get();
            Map<String, Optional<String>> brandTopics = new HashMap<>();
            for (Alert alert : made) {
                if (alert.recipient().kind() == Recipient.Kind.BRAND) {
                    brandTopics.computeIfAbsent(alert.recipient().id(), topics::ensure);
                }
            }
            List<Map.Entry<Alert, String>> queued = new ArrayList<>();
            for (Alert stored : alerts.saveAll(made)) {
                if (stored.recipient().kind() == Recipient.Kind.BRAND) {
                    brandTopics.get(stored.recipient().id()).ifPresent(topic -> queued.add(Map.entry(stored, topic)));
                }
            }
            outbox.queueAll(queued); // one insert for the batch, in the alerts' order
        });
    }
}
