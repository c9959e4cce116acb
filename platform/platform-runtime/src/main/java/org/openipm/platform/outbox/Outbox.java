package org.openipm.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.openipm.platform.database.AfterCommit;
import org.openipm.platform.events.EventSettings;
import org.openipm.platform.problem.ProblemException;

/**
 * Where a service writes the events of a change: inside the caller's transaction, never straight to Kafka, so
 * a rolled-back change publishes nothing and a committed one cannot be lost (see {@link OutboxRelay}).
 * <p>
 * An event the broker would refuse as too large is refused here, while the change can still be rolled back: once
 * committed it could only be parked, and consumers would never see the change.
 * <p>
 * The outbox and its relay write {@code outbox_event} with plain JDBC, unqualified: a service that keeps its tables
 * in a schema of its own puts that schema first on its connections
 * ({@code quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema}), as every OpenIPM service does.
 */
@ApplicationScoped
public class Outbox implements PanacheRepository<OutboxEvent> {

    /** Marks the current transaction as announced, so that a batch of events costs one notice, not one each. */
    private static final String ANNOUNCED = Outbox.class.getName() + ".announced";

    private final ObjectMapper json;
    private final int maxPayloadBytes;
    private final String channel;
    private final TransactionSynchronizationRegistry transaction;
    private final CommittedEvents committed;

    public Outbox(ObjectMapper json, OutboxSettings settings, EventSettings events,
            TransactionSynchronizationRegistry transaction, CommittedEvents committed) {
        this.json = json;
        this.maxPayloadBytes = settings.maxPayloadBytes();
        this.channel = OutboxChannel.of(events.service());
        this.transaction = transaction;
        this.committed = committed;
    }

    /**
     * Records the event; throws a 422 {@link ProblemException} ({@code event-too-large}) when its JSON exceeds
     * {@code openipm.outbox.max-payload-bytes}, which rolls the caller's change back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, Instant occurredAt, Object event) {
        String text = payloadOf(key, type, event);
        UUID eventId = UUID.randomUUID();
        String wakeChannel = firstEventOfTransaction() ? channel : null;
        // Plain JDBC on the session's connection: a Hibernate persist of this write-only row cost more CPU than the
        // change it records (identity insert, entity bookkeeping), and the row is never read back here.
        long id = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(withWakeUp("insert into outbox_event "
                    + "(event_id, topic, event_key, event_type, payload, occurred_at) values (?, ?, ?, ?, ?, ?)",
                    "id", wakeChannel))) {
                insert.setObject(1, eventId);
                insert.setString(2, topic);
                insert.setString(3, key);
                insert.setString(4, type);
                insert.setString(5, text);
                insert.setObject(6, occurredAt.atOffset(ZoneOffset.UTC));
                if (wakeChannel != null) {
                    insert.setString(7, wakeChannel);
                }
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        handOverOnCommit(List.of(new CommittedEvents.Event(id, eventId, topic, key, type, text, occurredAt)));
        return eventId;
    }

    /**
     * An event checked and written as JSON, for a caller that records it in the very statement that makes its change
     * ({@link #INSERT_ONE}): one statement is atomic on its own, so the change and its event need no transaction, and
     * the round trips of one (begin, each statement, commit) become one. {@link #wakeChannel()} wakes the relay.
     */
    public record Staged(UUID eventId, String topic, String key, String type, String payload, Instant occurredAt) {

        /** Binds {@link #INSERT_ONE}'s six parameters from {@code first}; returns the index after them. */
        public int bind(PreparedStatement statement, int first) throws SQLException {
            statement.setObject(first, eventId);
            statement.setString(first + 1, topic);
            statement.setString(first + 2, key);
            statement.setString(first + 3, type);
            statement.setString(first + 4, payload);
            statement.setObject(first + 5, occurredAt.atOffset(ZoneOffset.UTC));
            return first + 6;
        }
    }

    /**
     * The insert of one {@link Staged} event, to be used as a data-modifying {@code WITH} of the caller's statement.
     * As it stands it inserts the event; followed by {@code from <a WITH of the change>} it inserts it only when that
     * change returned a row (a conditional update that found nothing to change publishes nothing).
     */
    public static final String INSERT_ONE = "insert into outbox_event (event_id, topic, event_key, event_type, "
            + "payload, occurred_at) select cast(? as uuid), ?, ?, ?, ?, cast(? as timestamptz)";

    /**
     * Checks and writes the event for {@link #INSERT_ONE}; throws a 422 {@link ProblemException}
     * ({@code event-too-large}) as {@link #record} does, before anything is written.
     */
    public Staged stage(String topic, String key, String type, Instant occurredAt, Object event) {
        return new Staged(UUID.randomUUID(), topic, key, type, payloadOf(key, type, event), occurredAt);
    }

    /** The channel of {@code pg_notify(channel, '')}, which wakes the relay once the statement's change commits. */
    public String wakeChannel() {
        return channel;
    }

    /** One event of {@link #recordAll}. */
    public record Pending(String topic, String key, String type, Instant occurredAt, Object event) {
    }

    /**
     * An event its producer has already written as JSON (to store or hash those very bytes): published as it is,
     * not written again.
     */
    public record Written(String json) {
    }

    /**
     * Records several events in one statement (a consumer storing a poll's worth of changes would otherwise send one
     * insert per event); the same limit as {@link #record} applies to each, and one over it rolls them all back.
     *
     * @return the events' ids, in their order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] payloads = new String[size];
        String[] occurred = new String[size];
        for (int i = 0; i < size; i++) {
            Pending event = events.get(i);
            String payload = payloadOf(event.key(), event.type(), event.event());
            ids[i] = UUID.randomUUID();
            topics[i] = event.topic();
            keys[i] = event.key();
            types[i] = event.type();
            payloads[i] = payload;
            occurred[i] = event.occurredAt().toString();
        }
        String wakeChannel = firstEventOfTransaction() ? channel : null;
        Map<UUID, Long> rowIds = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(withWakeUp("insert into outbox_event "
                    + "(event_id, topic, event_key, event_type, payload, occurred_at) select e.id, e.topic, "
                    + "e.event_key, e.event_type, e.payload, cast(e.occurred_at as timestamptz) from "
                    + "unnest(?, ?, ?, ?, ?, ?) with ordinality as e(id, topic, event_key, event_type, payload, "
                    + "occurred_at, ord) order by e.ord", "array_agg(id), array_agg(event_id)", wakeChannel))) {
                insert.setArray(1, connection.createArrayOf("uuid", ids));
                insert.setArray(2, connection.createArrayOf("text", topics));
                insert.setArray(3, connection.createArrayOf("text", keys));
                insert.setArray(4, connection.createArrayOf("text", types));
                insert.setArray(5, connection.createArrayOf("text", payloads));
                insert.setArray(6, connection.createArrayOf("text", occurred));
                if (wakeChannel != null) {
                    insert.setString(7, wakeChannel);
                }
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    Long[] inserted = (Long[]) row.getArray(1).getArray();
                    UUID[] insertedEvents = (UUID[]) row.getArray(2).getArray();
                    Map<UUID, Long> byEvent = new HashMap<>();
                    for (int i = 0; i < inserted.length; i++) {
                        byEvent.put(insertedEvents[i], inserted[i]);
                    }
                    return byEvent;
                }
            }
        });
        List<CommittedEvents.Event> written = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            written.add(new CommittedEvents.Event(rowIds.get(ids[i]), ids[i], topics[i], keys[i], types[i], payloads[i],
                    events.get(i).occurredAt()));
        }
        handOverOnCommit(written);
        return List.of(ids);
    }

    /** The event's JSON as the relay will send it (UTF-8), refused when too large. */
    private String payloadOf(String key, String type, Object event) {
        String text;
        int length;
        if (event instanceof Written written) {
            text = written.json();
            // UTF-8 takes at most three bytes per char: most events need no count of their bytes.
            length = text.length() * 3 <= maxPayloadBytes ? text.length()
                    : text.getBytes(StandardCharsets.UTF_8).length;
        } else {
            byte[] payload;
            try {
                payload = json.writeValueAsBytes(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Event " + type + " cannot be serialised", e);
            }
            text = new String(payload, StandardCharsets.UTF_8);
            length = payload.length;
        }
        if (length > maxPayloadBytes) {
            throw ProblemException.unprocessable("event-too-large", "The change of " + key + " would publish a "
                    + type + " event of " + length + " bytes; events are limited to " + maxPayloadBytes
                    + " bytes: shorten descriptions or features, or split the product");
        }
        return text;
    }

    /**
     * True for the transaction's first event, which also wakes the relay; then the others do not: a batch of events
     * costs one notice, not one each.
     */
    private boolean firstEventOfTransaction() {
        if (transaction.getResource(ANNOUNCED) != null) {
            return false;
        }
        transaction.putResource(ANNOUNCED, Boolean.TRUE);
        return true;
    }

    /**
     * Hands the events to the relay once the transaction has committed, so that it need not read their payloads back
     * ({@link CommittedEvents}); a rolled-back transaction hands nothing.
     */
    private void handOverOnCommit(List<CommittedEvents.Event> events) {
        AfterCommit.run(transaction, () -> committed.committed(events));
    }

    /**
     * The insert returning {@code selected} of the rows it wrote (their {@code id} and {@code event_id}), and with a
     * channel the notice that wakes the relay once the caller's transaction commits (PostgreSQL holds notices until
     * then and drops them on a rollback), in one statement: a data-modifying {@code WITH} runs exactly once whatever
     * the query around it reads, and the transaction makes one round trip less. Its parameter is the last.
     */
    private static String withWakeUp(String insert, String selected, String wakeChannel) {
        return "with recorded as (" + insert + " returning id, event_id) select " + selected
                + (wakeChannel == null ? "" : ", pg_notify(?, '')") + " from recorded";
    }
}
