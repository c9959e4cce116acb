package org.openipm.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** A subscription's deliveries as its owner reads them, newest first, each with its attempts (read model, JDBC). */
@ApplicationScoped
public class DeliveryLog {

    private final DataSource dataSource;

    public DeliveryLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Attempt(int attempt, Instant at, Integer statusCode, String error, int durationMs) {
    }

    /**
     * @param webhookId the {@code webhook-id} the receiver saw
     * @param nextAttemptAt when a pending delivery is tried next (or, while it is being sent, when its lease ends)
     */
    public record Entry(String webhookId, UUID alertId, String kind, long sequence, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, List<Attempt> attemptLog) {
    }

    public List<Entry> page(UUID subscriptionId, int page, int size) {
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, Object[]> rows = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select id, alert_id, kind, sequence, status, "
                    + "attempts, created_at, next_attempt_at, delivered_at from delivery where subscription_id = ? "
                    + "order by sequence desc limit ? offset ?")) {
                select.setObject(1, subscriptionId);
                select.setInt(2, size);
                select.setLong(3, (long) page * size);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.put(row.getObject(1, UUID.class), new Object[] {row.getObject(2, UUID.class),
                                row.getString(3), row.getLong(4), row.getString(5), row.getInt(6),
                                instant(row.getTimestamp(7)), instant(row.getTimestamp(8)),
                                instant(row.getTimestamp(9))});
                    }
                }
            }
            Map<UUID, List<Attempt>> attempts = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select delivery_id, attempt, attempted_at, "
                    + "status_code, error, duration_ms from delivery_attempt where delivery_id = any(?) "
                    + "order by delivery_id, attempt")) {
                select.setArray(1, connection.createArrayOf("uuid", rows.keySet().toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Integer status = row.getInt(4);
                        if (row.wasNull()) {
                            status = null;
                        }
                        attempts.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                                .add(new Attempt(row.getInt(2), instant(row.getTimestamp(3)), status,
                                        row.getString(5), row.getInt(6)));
                    }
                }
            }
            List<Entry> entries = new ArrayList<>(rows.size());
            rows.forEach((id, r) -> entries.add(new Entry(DeliveryMessages.messageId(id), (UUID) r[0], (String) r[1],
                    (long) r[2], (String) r[3], (int) r[4], (Instant) r[5],
                    "PENDING".equals(r[3]) ? (Instant) r[6] : null, (Instant) r[7],
                    attempts.getOrDefault(id, List.of()))));
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("The delivery log could not be read", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
