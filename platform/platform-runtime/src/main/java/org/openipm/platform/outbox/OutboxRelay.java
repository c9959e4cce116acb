package org.openipm.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;
import org.openipm.platform.database.ChannelListener;
import org.openipm.platform.database.DataSourceSettings;
import org.openipm.platform.events.Backoff;
import org.openipm.platform.events.CloudEventPublisher;
import org.openipm.platform.events.EventSettings;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes each row once the broker has acknowledged it.
 * A crash before the delete republishes the row (consumers deduplicate by event id); nothing committed is ever
 * skipped.
 * <p>
 * Only one instance relays at a time, the one whose relay holds a PostgreSQL advisory lock on its own connection
 * ({@link RelayLeadership}): two relays working side by side could reorder the events of one product. Its statements
 * commit one by one: the lock, not a transaction, keeps the others out, so a cycle is one read and one delete.
 * <p>
 * It runs on its own thread and wakes when a transaction that recorded an event commits: {@link Outbox#record}
 * sends a notice on the service's {@link OutboxChannel}, which PostgreSQL delivers after the commit. So an event
 * reaches the broker a moment after its commit, and an idle service does not query the table again and again.
 * Notices are lost while the listening connection is down, so the relay also looks every
 * {@code openipm.outbox.poll-interval} (1 s by default), and each time listening (re)starts. Under load,
 * {@code openipm.outbox.linger} groups the commits of a few milliseconds into one cycle. It never wedges:
 * <ul>
 * <li>a row the broker refuses for good (too large, invalid topic: a non-retriable error) counts an attempt and is
 * parked after {@code openipm.outbox.max-attempts}, with its reason, while the rows behind it go on
 * ({@code openipm_outbox_parked} counts the parked rows: alert on it);
 * <li>while the broker or the database is unreachable (nothing of a batch gets through), the relay backs off
 * exponentially up to {@code openipm.outbox.backoff.max-delay} and resumes at the first cycle that succeeds
 * ({@code openipm_outbox_relay_retries_total} counts the failed cycles).
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Room left under max.request.size for the key, the CloudEvents headers and the record batch overhead. */
    private static final int RECORD_OVERHEAD = 16 * 1024;

    private final AgroalDataSource dataSource;
    private final CloudEventPublisher publisher;
    private final OutboxSettings settings;
    private final RelayLeadership leadership;
    private final CommittedEvents committed;
    /** Where this relay's reads start: still right while another instance relays, which only deletes rows. */
    private final PendingFloor floor = new PendingFloor();
    private final int maxRequestSize;
    private final AtomicBoolean paused = new AtomicBoolean();
    private final Backoff backoff;
    private final Counter retries;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong delayMillis = new AtomicLong();
    private volatile Instant parkedCountedAt = Instant.EPOCH;
    /** A permit per wake-up since the last cycle began: committed events, listening (re)started, resume. */
    private final Semaphore wakeUps = new Semaphore(0);
    private final ChannelListener commits;
    private final Thread thread;
    private volatile boolean running = true;

    public OutboxRelay(AgroalDataSource dataSource, CloudEventPublisher publisher, OutboxSettings settings,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry metrics,
            EventSettings events, DataSourceSettings listening, CommittedEvents committed) {
        this.dataSource = dataSource;
        this.committed = committed;
        this.publisher = publisher;
        this.settings = settings;
        this.leadership = new RelayLeadership(listening, events.service());
        Object maxRequest = kafkaConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        this.maxRequestSize = maxRequest == null ? 1024 * 1024 : Integer.parseInt(maxRequest.toString());
        this.backoff = new Backoff(settings.backoff().initialDelay(), settings.backoff().maxDelay());
        this.retries = metrics.counter("openipm.outbox.relay.retries");
        Gauge.builder("openipm.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows the broker refused for good, waiting for an operator").register(metrics);
        Gauge.builder("openipm.outbox.relay.delay", delayMillis, d -> d.get() / 1000.0).baseUnit("seconds")
                .description("Current backoff of the outbox relay; 0 while it relays normally").register(metrics);
        this.commits = new ChannelListener(listening, OutboxChannel.of(events.service()),
                events.service() + " outbox relay", settings.pollInterval(), wakeUps::release,
                notice -> wakeUps.release());
        this.thread = new Thread(this::relayUntilStopped, "outbox-relay");
        thread.setDaemon(true);
    }

    void start(@Observes StartupEvent startup) {
        if (settings.maxPayloadBytes() + RECORD_OVERHEAD > maxRequestSize) {
            throw new IllegalStateException("openipm.outbox.max-payload-bytes=" + settings.maxPayloadBytes()
                    + " leaves no room under kafka.max.request.size=" + maxRequestSize + " for key and headers ("
                    + RECORD_OVERHEAD + " bytes): lower the first or raise the second");
        }
        commits.start();
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
        commits.close();
        synchronized (this) {
            leadership.close();
        }
    }

    /** Stops relaying without losing anything: what commits meanwhile waits in the table (used to model a crash). */
    public synchronized void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
        wakeUps.release();
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                wakeUps.drainPermits();
                if (cycle()) {
                    // Wait for a commit, or look anyway after the poll interval; after a commit, linger so the
                    // commits right behind it share the next cycle.
                    if (wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)
                            && !settings.linger().isZero()) {
                        Thread.sleep(settings.linger().toMillis());
                    }
                } else {
                    // Backing off: commits must not turn an outage into a retry per commit.
                    Thread.sleep(delayMillis.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One relay cycle; false when it failed and the relay backs off ({@link #delayMillis}). */
    private boolean cycle() {
        try {
            if (relayPending()) {
                backoff.succeeded();
                delayMillis.set(0);
                return true;
            }
            failedCycle(null);
        } catch (RuntimeException e) {
            failedCycle(e);
        }
        return false;
    }

    private Duration failedCycle(RuntimeException e) {
        Duration delay = backoff.failed();
        retries.increment();
        if (delayMillis.getAndSet(delay.toMillis()) == 0 || delay.equals(settings.backoff().maxDelay())) {
            LOG.warnf("Outbox relay cannot publish for now, retrying in %d ms: %s", delay.toMillis(),
                    e == null ? "the broker acknowledged nothing" : e.getMessage());
        }
        return delay;
    }

    /** Relays everything pending; false when the broker or the database let nothing through. */
    synchronized boolean relayPending() {
        if (paused.get()) {
            return true;
        }
        Batch batch;
        do {
            batch = relayBatch();
            if (batch.parked() > 0 || parkedCountedAt.isBefore(Instant.now().minusSeconds(60))) {
                countParked();
            }
            if (batch.read() > 0 && batch.published() == 0 && batch.refused() == 0) {
                return false;
            }
            // A full batch means more may be waiting: keep going without waiting for the next tick.
        } while (!paused.get() && batch.read() == settings.batchSize());
        return true;
    }

    /** What one batch came to: rows read, acknowledged (and deleted), refused for good, parked now. */
    record Batch(int read, int published, int refused, int parked) {
    }

    /** Relays one batch of rows not parked, when this instance is the one relaying. */
    private Batch relayBatch() {
        // Plain JDBC: the relay runs these few statements for every commit of the service, and Hibernate re-plans
        // a query whose list parameter changes size (the delete below) each time.
        try {
            Connection connection = leadership.whileLeading();
            committed.keep(connection != null);
            return connection == null ? new Batch(0, 0, 0, 0) : relayBatch(connection);
        } catch (SQLException e) {
            leadership.drop();
            throw new IllegalStateException("The outbox relay lost its database connection: " + e.getMessage(), e);
        }
    }

    private Batch relayBatch(Connection connection) throws SQLException {
        List<PendingEvent> rows = pending(connection);
        if (rows.isEmpty()) {
            return new Batch(0, 0, 0, 0);
        }
        List<CompletableFuture<?>> acknowledgements = rows.stream().map(this::publish).toList();
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        List<Long> published = new ArrayList<>();
        int refused = 0;
        int parkedNow = 0;
        for (int i = 0; i < rows.size(); i++) {
            PendingEvent row = rows.get(i);
            Throwable failure = outcome(acknowledgements.get(i), deadline);
            if (failure == null) {
                published.add(row.id());
            } else if (!(failure instanceof RetriableException) && !(failure instanceof TimeoutException)) {
                // Refused for good: retrying the same bytes cannot help, so it must not hold the rows behind.
                refused++;
                if (refuse(connection, row, failure)) {
                    parkedNow++;
                }
            }
            // A retriable failure (broker unreachable, leader moving) leaves the row as it is, for the next
            // cycle. The rows after it are still published: consumers apply snapshots by version.
        }
        if (!published.isEmpty()) {
            // By id, not by range: a transaction that took a lower id may commit after this batch was read.
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = any(?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", published.toArray()));
                delete.executeUpdate();
            }
        }
        // Every row of the batch is forgotten, not only those published: a row refused or parked is read from the
        // table again, as an operator may have changed it.
        committed.relayed(rows.stream().map(PendingEvent::id).toList(), rows.get(0).id());
        return new Batch(rows.size(), published.size(), refused, parkedNow);
    }

    /** A row waiting to be relayed, as read for one batch. */
    private record PendingEvent(long id, UUID eventId, String topic, String key, String type, String payload,
            Instant occurredAt, int attempts) {

        static PendingEvent of(CommittedEvents.Event event, int attempts) {
            return new PendingEvent(event.id(), event.eventId(), event.topic(), event.key(), event.type(),
                    event.payload(), event.occurredAt(), attempts);
        }
    }

    /**
     * The oldest rows not parked from the floor on ({@link PendingFloor}), the given columns first; after them, what
     * moves the floor: the last id handed out, the statement's snapshot ({@code xmin}, {@code xmax}) and the first
     * parked id. One row with null columns when nothing is pending.
     */
    private static String pendingFromFloor(String columns) {
        return "select " + columns.replaceAll("(\\w+)", "p.$1") + ", s.last_id, "
                + "pg_snapshot_xmin(s.snapshot)::text::bigint, pg_snapshot_xmax(s.snapshot)::text::bigint, s.first_parked "
                + "from (select pg_current_snapshot() as snapshot, "
                + "(select case when is_called then last_value else last_value - 1 end from outbox_event_id_seq) as last_id, "
                + "(select min(id) from outbox_event where parked_at is not null) as first_parked) as s "
                + "left join lateral (select " + columns + " from outbox_event where parked_at is null and id >= ? "
                + "order by id limit ?) as p on true order by p.id";
    }

    private static final String PENDING_IDS = pendingFromFloor("id, attempts");
    private static final String PENDING_ROWS = pendingFromFloor(
            "id, event_id, topic, event_key, event_type, payload, occurred_at, attempts");

    /** Runs a read of {@link #pendingFromFloor} and tells the floor what it saw. */
    private void readPending(Connection connection, String sql, int columns, ResultSetReader rows) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, floor.floor());
            select.setInt(2, settings.batchSize());
            try (ResultSet result = select.executeQuery()) {
                long firstPending = Long.MAX_VALUE;
                long lastId = -1;
                long xmin = 0;
                long xmax = 0;
                long firstParked = Long.MAX_VALUE;
                while (result.next()) {
                    if (lastId < 0) {
                        lastId = result.getLong(columns + 1);
                        xmin = result.getLong(columns + 2);
                        xmax = result.getLong(columns + 3);
                        long parkedId = result.getLong(columns + 4);
                        firstParked = result.wasNull() ? Long.MAX_VALUE : parkedId;
                    }
                    long id = result.getLong(1);
                    if (!result.wasNull()) {
                        firstPending = Math.min(firstPending, id);
                        rows.read(result);
                    }
                }
                floor.observed(lastId, xmin, xmax, firstPending, firstParked);
            }
        }
    }

    @FunctionalInterface
    private interface ResultSetReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * The oldest rows not parked. When this instance has just committed events ({@link CommittedEvents}), their ids
     * and attempts from the table and their content from memory, the others' from the table too; else all in one
     * read, as a service that writes its events within its own statements (never handed over) always does.
     */
    private List<PendingEvent> pending(Connection connection) throws SQLException {
        if (committed.isEmpty()) {
            return pendingWithContent(connection);
        }
        Map<Long, Integer> attempts = new LinkedHashMap<>();
        readPending(connection, PENDING_IDS, 2, row -> attempts.put(row.getLong(1), row.getInt(2)));
        if (attempts.isEmpty()) {
            return List.of();
        }
        Map<Long, CommittedEvents.Event> content = new HashMap<>(committed.find(attempts.keySet()));
        List<Long> unknown = attempts.keySet().stream().filter(id -> !content.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            content.putAll(read(connection, unknown));
        }
        List<PendingEvent> rows = new ArrayList<>(attempts.size());
        attempts.forEach((id, tried) -> {
            CommittedEvents.Event event = content.get(id);
            if (event != null) { // else deleted meanwhile (by an operator): nothing to relay
                rows.add(PendingEvent.of(event, tried));
            }
        });
        return rows;
    }

    private List<PendingEvent> pendingWithContent(Connection connection) throws SQLException {
        List<PendingEvent> rows = new ArrayList<>();
        readPending(connection, PENDING_ROWS, 8, row -> rows.add(PendingEvent.of(eventOf(row), row.getInt(8))));
        return rows;
    }

    /** The content of outbox rows, by id. */
    private static Map<Long, CommittedEvents.Event> read(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id, event_id, topic, event_key, "
                + "event_type, payload, occurred_at from outbox_event where id = any(?)")) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet result = select.executeQuery()) {
                Map<Long, CommittedEvents.Event> rows = new HashMap<>();
                while (result.next()) {
                    rows.put(result.getLong(1), eventOf(result));
                }
                return rows;
            }
        }
    }

    /** The row's id, event id, topic, key, type, payload and time, its first seven columns in that order. */
    private static CommittedEvents.Event eventOf(ResultSet result) throws SQLException {
        return new CommittedEvents.Event(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                result.getString(4), result.getString(5), result.getString(6),
                result.getObject(7, OffsetDateTime.class).toInstant());
    }

    private CompletableFuture<?> publish(PendingEvent row) {
        try {
            return publisher.publish(row.topic(), row.key(), row.eventId(), row.type(), row.occurredAt(),
                    row.payload().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Null when acknowledged, else why not (a {@link TimeoutException} when the broker did not answer in time). */
    private static Throwable outcome(CompletableFuture<?> acknowledgement, long deadline) {
        try {
            acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TimeoutException("interrupted");
        }
    }

    /** Counts the refusal; parks the row once it had its attempts. Returns true when parked now. */
    private boolean refuse(Connection connection, PendingEvent row, Throwable failure) throws SQLException {
        int attempts = row.attempts() + 1;
        String reason = failure.getClass().getName() + ": " + failure.getMessage();
        String lastError = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        boolean park = attempts >= settings.maxAttempts();
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set attempts = ?, last_error = ?, parked_at = ? where id = ?")) {
            update.setInt(1, attempts);
            update.setString(2, lastError);
            update.setObject(3, park ? OffsetDateTime.now(ZoneOffset.UTC) : null);
            update.setLong(4, row.id());
            update.executeUpdate();
        }
        if (park) {
            LOG.errorf("Outbox row %d (event %s, %s on %s, key %s) parked after %d attempts: %s", row.id(),
                    row.eventId(), row.type(), row.topic(), row.key(), attempts, lastError);
        }
        return park;
    }

    private void countParked() {
        parkedCountedAt = Instant.now();
        parked.set(QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement count = connection.prepareStatement(
                            "select count(*) from outbox_event where parked_at is not null");
                    ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }));
    }
}
