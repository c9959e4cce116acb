package org.openipm.notification.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
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
    private static final String COLUMNS = "select id, type, severity, brands, countries, facts, link, source_event_id, "
            + "occurred_at, created_at, read_at from alert";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public AlertRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Stores the alert unless the same source event made it before, and then tells the live streams.
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
        }
        return stored;
    }

    /** A page of the recipient's alerts, newest first. */
    public List<StoredAlert> page(Recipient recipient, AlertFilter filter, int page, int size) {
        StringBuilder sql = new StringBuilder(COLUMNS + " where recipient_kind = ?1 and recipient_id = ?2 "
                + "and severity = any(?3)");
        List<Object> parameters = new ArrayList<>(List.of(recipient.kind().name(), recipient.id(),
                Arrays.stream(Severity.values()).filter(s -> s.atLeast(filter.minimumSeverity())).map(Enum::name)
                        .toArray(String[]::new)));
        filter.type().ifPresent(type -> {
            parameters.add(type.name());
            sql.append(" and type = ?").append(parameters.size());
        });
        if (filter.unreadOnly()) {
            sql.append(" and read_at is null");
        }
        sql.append(" order by created_at desc, id limit ").append(size).append(" offset ").append((long) page * size);
        Query query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::stored).toList();
    }

    /** @return false when the recipient has no such alert */
    public boolean markRead(UUID id, Recipient recipient, Instant at) {
        return entityManager.createNativeQuery("update alert set read_at = coalesce(read_at, ?1) where id = ?2 "
                        + "and recipient_kind = ?3 and recipient_id = ?4")
                .setParameter(1, at.atOffset(ZoneOffset.UTC)).setParameter(2, id)
                .setParameter(3, recipient.kind().name()).setParameter(4, recipient.id()).executeUpdate() == 1;
    }

    public Optional<StoredAlert> find(UUID id, Recipient recipient) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(COLUMNS + " where id = ?1 and recipient_kind = ?2 and "
                        + "recipient_id = ?3").setParameter(1, id).setParameter(2, recipient.kind().name())
                .setParameter(3, recipient.id()).getResultList();
        return rows.stream().findFirst().map(this::stored);
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
