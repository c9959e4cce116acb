package org.openipm.notification.alert;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.platform.database.ChannelListener;
import org.openipm.platform.database.DataSourceSettings;

/**
 * Tells every instance's live streams that an alert was stored, whichever instance's consumer stored it: the
 * storing transaction sends {@code pg_notify}, PostgreSQL delivers it after the commit. The notice names the
 * recipient, so a stream picks its own alerts without asking the database about anybody else's.
 * <p>
 * A live stream is the fast path, not the record: a notice sent while the listener reconnects is lost, and a client
 * that must miss nothing reads {@code GET /api/v1/alerts} after reconnecting.
 */
@ApplicationScoped
public class AlertNotices {

    static final String CHANNEL = "alert_stored";
    /** Below PostgreSQL's 8,000-byte limit; recipient ids are ASCII. */
    private static final int MAX_PAYLOAD = 7_500;

    private final BroadcastProcessor<Notice> stored = BroadcastProcessor.create();
    private final ChannelListener listener;

    public AlertNotices(DataSourceSettings dataSource) {
        this.listener = new ChannelListener(dataSource, CHANNEL, "notification-service alert listener",
                Duration.ofSeconds(1), () -> { }, payload -> Notice.parseAll(payload).forEach(stored::onNext));
    }

    /**
     * Called in the transaction that stores the alerts: delivered only if it commits. One call whatever their number:
     * a notice names several alerts, one per line, up to PostgreSQL's payload limit (8,000 bytes).
     */
    static void announce(EntityManager entityManager, List<Alert> alerts) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (Alert alert : alerts) {
            String line = new Notice(alert.id(), alert.recipient()).payload();
            if (payload.length() > 0 && payload.length() + 1 + line.length() > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            payload.append(payload.length() == 0 ? "" : "\n").append(line);
        }
        payloads.add(payload.toString());
        entityManager.createNativeQuery("select count(pg_notify('" + CHANNEL + "', p)) from unnest(?1) as p")
                .setParameter(1, payloads.toArray(String[]::new)).getSingleResult();
    }

    /** Alerts stored from now on, for every recipient. */
    public Multi<Notice> stored() {
        return stored;
    }

    void start(@Observes StartupEvent startup) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        listener.close();
    }

    /** An alert stored for a recipient. */
    public record Notice(UUID alertId, Recipient recipient) {

        String payload() {
            return alertId + " " + recipient.kind() + " " + recipient.id();
        }

        static List<Notice> parseAll(String payload) {
            return payload.lines().map(Notice::parse).flatMap(Optional::stream).toList();
        }

        static Optional<Notice> parse(String payload) {
            String[] parts = payload.split(" ", 3);
            try {
                return Optional.of(new Notice(UUID.fromString(parts[0]),
                        new Recipient(Recipient.Kind.valueOf(parts[1]), parts[2])));
            } catch (RuntimeException notOurs) {
                return Optional.empty();
            }
        }
    }
}
