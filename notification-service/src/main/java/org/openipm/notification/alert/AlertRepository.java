package org.openipm.notification.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** The alerts kept for their recipients (table {@code alert}). */
@ApplicationScoped
public class AlertRepository {

    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
    };
    /**
     * The caller's alerts with its read state: an alert addressed to the caller carries it in {@code read_at}; one
     * addressed to an audience is read by each of its authorities separately ({@code alert_read}). ?1 = the caller.
     */
    private static final String COLUMNS = "select a.id, a.type, a.severity, a.brands, a.countries, a.facts, a.link, "
            + "a.source_event_id, a.occurred_at, a.created_at, coalesce(a.read_at, r.read_at) from alert a "
            + "left join alert_read r on r.alert_id = a.id and r.reader = ?1";
    /** ?2 kind and ?3 id of the caller, ?4 its audiences. */
    private static final String IN_INBOX = " where ((a.recipient_kind = ?2 and a.recipient_id = ?3) "
            + "or (a.recipient_kind = 'AUDIENCE' and a.recipient_id = any(?4)))";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<AlertsStored> storedEvents;

    public AlertRepository(EntityManager entityManager, ObjectMapper json, Event<AlertsStored> storedEvents) {
        this.entityManager = entityManager;
        this.json = json;
        this.storedEvents = storedEvents;
    }

    /**
     * Stores the alert unless the same source event made it before ({@link #saveAll}).
     *
     * @return true when the alert is new
     */
    public boolean saveOnce(Alert alert) {
        return !saveAll(List.of(alert)).isEmpty();
    }

    /**
     * Stores the alerts not stored before, in one statement (a source event redelivered, or twice in one batch, makes
     * the same ids, which {@code on conflict do nothing} keeps once), then tells the live streams (one
     * {@code pg_notify} call) and, in the same transaction, the subscriptions' fan-out ({@link AlertsStored}).
     * {@code created_at} is each row's own clock, so the inbox keeps the order they were stored in.
     *
     * @return the alerts that are new, in their order
     */
    public List<Alert> saveAll(List<Alert> alerts) {
        Map<UUID, Alert> byId = new LinkedHashMap<>();
        alerts.forEach(alert -> byId.putIfAbsent(alert.id(), alert));
        if (byId.isEmpty()) {
            return List.of();
        }
        Set<UUID> inserted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> ids = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
                insert.setString(1, rowsJson(byId.values()));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
        List<Alert> stored = byId.values().stream().filter(alert -> inserted.contains(alert.id())).toList();
        if (!stored.isEmpty()) {
            AlertNotices.announce(entityManager, stored);
            storedEvents.fire(new AlertsStored(stored));
        }
        return stored;
    }

    /** Rows in their given order: each gets a later clock_timestamp() than the one before. */
    private static final String INSERT_ALL = "insert into alert (id, type, severity, recipient_kind, recipient_id, "
            + "brands, countries, facts, link, source_event_id, occurred_at, created_at) select r.id, r.type, "
            + "r.severity, r.recipient_kind, r.recipient_id, r.brands, r.countries, r.facts, r.link, r.source_event_id, "
            + "r.occurred_at, clock_timestamp() from jsonb_array_elements(cast(? as jsonb)) as e(item) "
            + "cross join lateral jsonb_to_record(e.item) as r(id uuid, type text, severity text, recipient_kind text, "
            + "recipient_id text, brands text[], countries text[], facts jsonb, link text, source_event_id uuid, "
            + "occurred_at timestamptz) on conflict (id) do nothing returning id";

    private String rowsJson(Collection<Alert> alerts) {
        List<Map<String, Object>> rows = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", alert.id());
            row.put("type", alert.type().name());
            row.put("severity", alert.severity().name());
            row.put("recipient_kind", alert.recipient().kind().name());
            row.put("recipient_id", alert.recipient().id());
            row.put("brands", alert.brands());
            row.put("countries", alert.countries());
            row.put("facts", alert.facts());
            row.put("link", alert.link());
            row.put("source_event_id", alert.sourceEventId());
            row.put("occurred_at", alert.occurredAt().toString());
            rows.add(row);
        }
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alerts are plain data", e);
        }
    }

    /** A page of the caller's alerts, newest first. */
    public List<StoredAlert> page(Inbox inbox, AlertFilter filter, int page, int size) {
        StringBuilder sql = new StringBuilder(COLUMNS + IN_INBOX + " and a.severity = any(?5)");
        List<Object> parameters = new ArrayList<>(inboxParameters(inbox));
        parameters.add(Arrays.stream(Severity.values()).filter(s -> s.atLeast(filter.minimumSeverity()))
                .map(Enum::name).toArray(String[]::new));
        filter.type().ifPresent(type -> {
            parameters.add(type.name());
            sql.append(" and a.type = ?").append(parameters.size());
        });
        if (filter.unreadOnly()) {
            sql.append(" and a.read_at is null and r.read_at is null");
        }
        sql.append(" order by a.created_at desc, a.id limit ").append(size).append(" offset ")
                .append((long) page * size);
        return rows(sql.toString(), parameters);
    }

    /** @return false when the caller has no such alert */
    public boolean markRead(UUID id, Inbox inbox, Instant at) {
        Recipient own = inbox.own();
        boolean addressedToCaller = entityManager.createNativeQuery("update alert set read_at = coalesce(read_at, ?1) "
                        + "where id = ?2 and recipient_kind = ?3 and recipient_id = ?4")
                .setParameter(1, at.atOffset(ZoneOffset.UTC)).setParameter(2, id)
                .setParameter(3, own.kind().name()).setParameter(4, own.id()).executeUpdate() == 1;
        if (addressedToCaller) {
            return true;
        }
        return entityManager.createNativeQuery("insert into alert_read (alert_id, reader, read_at) select id, ?1, ?2 "
                        + "from alert where id = ?3 and recipient_kind = 'AUDIENCE' and recipient_id = any(?4) "
                        + "on conflict (alert_id, reader) do nothing")
                .setParameter(1, own.toString()).setParameter(2, at.atOffset(ZoneOffset.UTC)).setParameter(3, id)
                .setParameter(4, inbox.audienceIds()).executeUpdate() == 1 || find(id, inbox).isPresent();
    }

    public Optional<StoredAlert> find(UUID id, Inbox inbox) {
        List<Object> parameters = new ArrayList<>(inboxParameters(inbox));
        parameters.add(id);
        return rows(COLUMNS + IN_INBOX + " and a.id = ?5", parameters).stream().findFirst();
    }

    private static List<Object> inboxParameters(Inbox inbox) {
        return List.of(inbox.own().toString(), inbox.own().kind().name(), inbox.own().id(), inbox.audienceIds());
    }

    private List<StoredAlert> rows(String sql, List<Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::stored).toList();
    }

    private StoredAlert stored(Object[] row) {
        try {
            return new StoredAlert((UUID) row[0], AlertType.valueOf((String) row[1]), Severity.valueOf((String) row[2]),
                    List.of((String[]) row[3]), List.of((String[]) row[4]), json.readValue(row[5].toString(), FACTS),
                    (String) row[6], (UUID) row[7], instant(row[8]), instant(row[9]),
                    row[10] == null ? null : instant(row[10]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable facts of alert " + row[0], e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    /** An alert as stored, with its read state. */
    public record StoredAlert(UUID id, AlertType type, Severity severity, List<String> brands, List<String> countries,
            Map<String, String> facts, String link, UUID sourceEventId, Instant occurredAt, Instant createdAt,
            Instant readAt) {
    }

    /** What the caller asks for. */
    public record AlertFilter(Optional<AlertType> type, Severity minimumSeverity, boolean unreadOnly) {
    }
}
