package org.openipm.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openipm.platform.events.CloudEventPublisher;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes them only once the broker has acknowledged
 * every record of the batch. A crash before the delete republishes the batch (consumers deduplicate by event
 * id); nothing committed is ever skipped.
 * <p>
 * Only one instance relays at a time, chosen by a PostgreSQL advisory lock held for the batch's transaction:
 * two relays working side by side could reorder the events of one product.
 * <p>
 * It polls on its own thread every few tens of milliseconds (the scheduler extension cannot go below a second),
 * which keeps commit-to-topic latency low at the cost of one cheap indexed query per tick.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    private final CloudEventPublisher publisher;
    private final int batchSize;
    private final long lockKey;
    private final Duration pollInterval;
    private final AtomicBoolean paused = new AtomicBoolean();
    private ScheduledExecutorService thread;

    public OutboxRelay(EntityManager entityManager, CloudEventPublisher publisher,
            @ConfigProperty(name = "openipm.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "openipm.outbox.poll-interval", defaultValue = "50ms") Duration pollInterval,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.pollInterval = pollInterval;
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.lockKey = ("outbox:" + applicationName).hashCode();
    }

    void start(@Observes StartupEvent startup) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        thread.scheduleWithFixedDelay(this::relayPending, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Stops relaying without losing anything: what commits meanwhile waits in the table (used to model a crash). */
    public synchronized void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
    }

    synchronized void relayPending() {
        if (paused.get()) {
            return;
        }
        try {
            while (!paused.get() && relayBatch() == batchSize) {
                // A full batch means more may be waiting: keep going without waiting for the next tick.
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay will retry: %s", e.getMessage());
        }
    }

    /** Relays one batch; returns how many events it published. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, lockKey).getSingleResult();
            if (!locked) {
                return 0;
            }
            List<OutboxEvent> batch = entityManager
                    .createQuery("from OutboxEvent order by id", OutboxEvent.class)
                    .setMaxResults(batchSize).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acknowledgements = batch.stream()
                    .map(e -> publisher.publish(e.topic, e.key, e.eventId, e.type, e.occurredAt,
                            e.payload.getBytes(StandardCharsets.UTF_8)))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acknowledgements).get(30, TimeUnit.SECONDS);
            // By id, not by range: a transaction that took a lower id may commit after this batch was read.
            entityManager.createQuery("delete from OutboxEvent where id in :ids")
                    .setParameter("ids", batch.stream().map(e -> e.id).toList()).executeUpdate();
            return batch.size();
        });
    }
}
