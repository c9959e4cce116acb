package org.openipm.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Forgets applied event ids once they are older than the retention ({@code openipm.consumer.processed-events.*}):
 * without it, {@code processed_event} grows by one row per event and consumer forever. Deleted in batches of one
 * transaction each, so a purge never holds many locks or one long transaction.
 */
@ApplicationScoped
public class ProcessedEventPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPurge.class);

    private final EntityManager entityManager;
    private final ConsumerSettings.ProcessedEvents settings;

    public ProcessedEventPurge(EntityManager entityManager, ConsumerSettings settings) {
        this.entityManager = entityManager;
        this.settings = settings.processedEvents();
    }

    @Scheduled(every = "${openipm.consumer.processed-events.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        try {
            purgeOlderThan(settings.retention());
        } catch (RuntimeException e) {
            LOG.warnf("Purge of processed event ids failed, next run retries: %s", e.getMessage());
        }
    }

    /** Deletes the ids applied longer ago than {@code retention}; returns how many. */
    public long purgeOlderThan(Duration retention) {
        Instant before = Instant.now().minus(retention);
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "delete from {h-schema}processed_event where ctid in (select ctid from {h-schema}processed_event "
                            + "where processed_at < ?1 limit ?2)")
                    .setParameter(1, before).setParameter(2, settings.purgeBatchSize()).executeUpdate());
            total += deleted;
        } while (deleted == settings.purgeBatchSize());
        if (total > 0) {
            LOG.infof("Purged %d processed event ids older than %s", total, retention);
        }
        return total;
    }
}
