package org.openipm.notification.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
    private final Event<AlertStored> storedEvents;

    public AlertRepository(EntityManager entityManager, ObjectMapper json, Event<AlertStored> storedEvents) {
        this.entityManager = entityManager;
        this.json = json;
        this.storedEvents = storedEvents;
    }

    /**
     * Stores the alert unless the same source event made it before, and then tells the live streams and, in the same
     * transaction, the subscriptions' fan-out ({@link AlertStored}).
     *
     * @return true when the alert is new
     */
    public boolean saveOnce(Alert alert) {
        boolean stored = entityManager.createNativeQuery("insert into alert (id, type, severity, recipient_kind, recipient_id, "
                        + "brands, countries, facts, link, source_event_id, occurred_at) values (?1, ?2, ?3, ?4, ?5, ?6, "
                        + "?7, cast(?8 as jsonb), ?9, ?10, ?11) on conflict (id) do nothing")
                .setParameter(1, alert.id()).setParameter(2, alert.type().name())
                .setParameter(3, alert.severity().name()).setParameter(4, alert.recipient().kind().name())
                .setParameter(5, alert.recipient().id()).setParameter(6, alert.brands().toArray(String[]::new))
                .setParameter(7, alert.countries().toArray(String[]::new)).setParameter(8, factsJson(alert))
                .setParameter(9, alert.link()).setParameter(10, alert.sourceEventId())
                .setParameter(11, alert.occurredAt().atOffset(ZoneOffset.UTC)).executeUpdate() == 1;
        if (stored) {
            AlertNotices.announce(entityManager, alert);
            storedEvents.fire(new AlertStored(alert));
        }
        return stored;
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

    private String factsJson(Alert alert) {
        try {
            return json.writeValueAsString(alert.facts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Facts are strings", e);
        }
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
