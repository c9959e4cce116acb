package org.openipm.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.openipm.notification.alert.Recipient;

/**
 * The dispatcher's side of the {@code delivery} table, in plain JDBC outside the request transactions: a claim, a
 * failure, a turn's successes each commit on their own, so a restart finds every delivery where it was left.
 */
@ApplicationScoped
public class DeliveryRepository {

    private final DataSource dataSource;

    public DeliveryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A delivery claimed for sending. */
    record Claimed(UUID id, UUID subscriptionId, long sequence, String payload, int attempts) {
    }

    /** Where and how a subscription's deliveries go, read when its turn starts. */
    record Target(UUID id, Recipient owner, Channel channel, String url, String email, String language,
            String secretSealed, String previousSecretSealed, Instant previousSecretUntil, boolean enabled,
            boolean failing) {
    }

    /**
     * Claims due deliveries of subscriptions not already being served here, the subscriptions whose earliest due
     * delivery waits longest first, each one's in sequence order (at most {@code perSubscription}): their due time
     * moves to the end of the lease, so neither this instance nor another claims them again meanwhile ({@code skip
     * locked}: instances never wait on each other). A subscription whose endpoint was unreachable is left alone until
     * its next attempt is due.
     */
    List<Claimed> claimDue(Collection<UUID> busySubscriptions, int limit, int perSubscription, Duration lease)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setLong(1, lease.toMillis());
            claim.setArray(2, connection.createArrayOf("uuid", busySubscriptions.toArray()));
            claim.setInt(3, limit);
            claim.setInt(4, perSubscription);
            claim.setInt(5, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getLong(3), rows.getString(4), rows.getInt(5)));
                }
            }
            return claimed;
        }
    }

    /** One index probe per subscription for its earliest due time, whatever the backlog (V7's indexes). */
    private static final String CLAIM = "update delivery d set next_attempt_at = clock_timestamp() + ? * interval "
            + "'1 millisecond' from (select c.id from (select s.id, due.at from subscription s cross join lateral "
            + "(select min(p.next_attempt_at) as at from delivery p where p.subscription_id = s.id and p.status = "
            + "'PENDING') due where due.at <= clock_timestamp() and not (s.id = any(?)) and (s.unreachable_until is "
            + "null or s.unreachable_until <= clock_timestamp()) order by due.at limit ?) waiting cross join lateral "
            + "(select p.id from delivery p where p.subscription_id = waiting.id and p.status = 'PENDING' and "
            + "p.next_attempt_at <= clock_timestamp() order by p.sequence limit ? for update skip locked) c limit ?) "
            + "due where d.id = due.id returning d.id, d.subscription_id, d.sequence, d.payload, d.attempts";

    Map<UUID, Target> targets(Collection<UUID> subscriptionIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id, owner_kind, owner_id, channel, "
                        + "url, email, language, secret_encrypted, previous_secret_encrypted, previous_secret_until, "
                        + "enabled, failing_since is not null from subscription where id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", subscriptionIds.toArray()));
            Map<UUID, Target> targets = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    targets.put(id, new Target(id, new Recipient(Recipient.Kind.valueOf(rows.getString(2)),
                            rows.getString(3)), Channel.valueOf(rows.getString(4)), rows.getString(5),
                            rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                            instant(rows.getTimestamp(10)), rows.getBoolean(11), rows.getBoolean(12)));
                }
            }
            return targets;
        }
    }

    /** A delivery the endpoint took, not yet recorded. */
    record Success(Claimed delivery, Instant at, Outcome outcome) {
    }

    /**
     * Records successes of one subscription in one transaction (a turn's worth: one commit instead of one per
     * delivery); the subscription's endpoint is healthy again.
     *
     * @param wasFailing whether the subscription had failures since its last success (else nothing to reset)
     */
    void delivered(List<Success> successes, boolean wasFailing) throws SQLException {
        if (successes.isEmpty()) {
            return;
        }
        int size = successes.size();
        UUID[] ids = new UUID[size];
        Integer[] attempts = new Integer[size];
        String[] attemptedAt = new String[size]; // ISO-8601 instants, cast in SQL: exact, whatever the JVM's zone
        Integer[] statusCodes = new Integer[size];
        String[] deliveredAt = new String[size];
        Integer[] durations = new Integer[size];
        for (int i = 0; i < size; i++) {
            Success success = successes.get(i);
            ids[i] = success.delivery().id();
            attempts[i] = success.delivery().attempts() + 1;
            attemptedAt[i] = success.at().toString();
            statusCodes[i] = success.outcome().statusCode();
            deliveredAt[i] = success.at().plusMillis(success.outcome().durationMillis()).toString();
            durations[i] = (int) Math.min(Integer.MAX_VALUE, success.outcome().durationMillis());
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // Set-based: two statements per turn whatever its length (a statement per delivery and per attempt cost
            // more than the HTTP call itself at a few hundred deliveries a second).
            try (PreparedStatement update = connection.prepareStatement(DELIVERED_ALL);
                    PreparedStatement attempt = connection.prepareStatement(INSERT_ATTEMPTS);
                    PreparedStatement healthy = connection.prepareStatement("update subscription set "
                            + "failing_since = null where id = ? and failing_since is not null")) {
                Array idArray = connection.createArrayOf("uuid", ids);
                Array attemptArray = connection.createArrayOf("integer", attempts);
                Array attemptedAtArray = connection.createArrayOf("text", attemptedAt);
                Array statusArray = connection.createArrayOf("integer", statusCodes);
                update.setArray(1, idArray);
                update.setArray(2, attemptArray);
                update.setArray(3, attemptedAtArray);
                update.setArray(4, statusArray);
                update.setArray(5, connection.createArrayOf("text", deliveredAt));
                update.executeUpdate();
                attempt.setArray(1, idArray);
                attempt.setArray(2, attemptArray);
                attempt.setArray(3, attemptedAtArray);
                attempt.setArray(4, statusArray);
                attempt.setArray(5, connection.createArrayOf("integer", durations));
                attempt.executeUpdate();
                if (wasFailing) {
                    healthy.setObject(1, successes.get(0).delivery().subscriptionId());
                    healthy.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static final String DELIVERED_ALL = "update delivery d set status = 'DELIVERED', attempts = s.attempts, "
            + "last_attempt_at = cast(s.attempted_at as timestamptz), last_status_code = s.status_code, "
            + "last_error = null, next_attempt_at = null, delivered_at = cast(s.delivered_at as timestamptz) "
            + "from unnest(?, ?, ?, ?, ?) as s(id, attempts, attempted_at, status_code, delivered_at) where d.id = s.id";

    private static final String INSERT_ATTEMPTS = "insert into delivery_attempt (delivery_id, attempt, attempted_at, "
            + "status_code, error, duration_ms) select s.id, s.attempt, cast(s.attempted_at as timestamptz), "
            + "s.status_code, null, s.duration from unnest(?, ?, ?, ?, ?) as s(id, attempt, attempted_at, "
            + "status_code, duration) on conflict do nothing";

    /**
     * Records a failure: due again at {@code next}, or given up (FAILED) when there is no next attempt. An endpoint
     * that did not answer at all is left alone until {@code next}: its other deliveries wait with this one.
     *
     * @return since when the subscription's deliveries have been failing without a success in between
     */
    Instant failed(Claimed delivery, Instant at, Outcome outcome, Instant next) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("update delivery set status = ?, "
                    + "attempts = ?, last_attempt_at = ?, last_status_code = ?, last_error = ?, next_attempt_at = ? "
                    + "where id = ?");
                    PreparedStatement failing = connection.prepareStatement("update subscription set "
                            + "failing_since = coalesce(failing_since, ?), unreachable_until = ? where id = ? "
                            + "returning failing_since")) {
                update.setString(1, next == null ? "FAILED" : "PENDING");
                update.setInt(2, delivery.attempts() + 1);
                update.setTimestamp(3, Timestamp.from(at));
                setInteger(update, 4, outcome.statusCode());
                update.setString(5, outcome.error());
                update.setTimestamp(6, next == null ? null : Timestamp.from(next));
                update.setObject(7, delivery.id());
                update.executeUpdate();
                attempt(connection, delivery, at, outcome);
                failing.setTimestamp(1, Timestamp.from(at));
                failing.setTimestamp(2, outcome.unreachable() && next != null ? Timestamp.from(next) : null);
                failing.setObject(3, delivery.subscriptionId());
                Instant since = at;
                try (ResultSet row = failing.executeQuery()) {
                    if (row.next()) {
                        since = row.getTimestamp(1).toInstant();
                    }
                }
                connection.commit();
                return since;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Claimed deliveries not sent in this turn: due again at once, for the next turn. */
    void release(Collection<UUID> deliveryIds) throws SQLException {
        update("update delivery set next_attempt_at = clock_timestamp() where id = any(?) and status = 'PENDING'",
                deliveryIds);
    }

    /** Deliveries of a disabled subscription: not sent (the alerts stay in the recipient's list). */
    void cancel(Collection<UUID> deliveryIds) throws SQLException {
        update("update delivery set status = 'CANCELLED', next_attempt_at = null, last_error = 'subscription "
                + "disabled' where id = any(?) and status = 'PENDING'", deliveryIds);
    }

    private void update(String sql, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private static final String INSERT_ATTEMPT = "insert into delivery_attempt (delivery_id, attempt, attempted_at, "
            + "status_code, error, duration_ms) values (?, ?, ?, ?, ?, ?) on conflict do nothing";

    private static void attempt(Connection connection, Claimed delivery, Instant at, Outcome outcome)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ATTEMPT)) {
            bindAttempt(insert, delivery, at, outcome);
            insert.executeUpdate();
        }
    }

    private static void bindAttempt(PreparedStatement insert, Claimed delivery, Instant at, Outcome outcome)
            throws SQLException {
        insert.setObject(1, delivery.id());
        insert.setInt(2, delivery.attempts() + 1);
        insert.setTimestamp(3, Timestamp.from(at));
        setInteger(insert, 4, outcome.statusCode());
        insert.setString(5, outcome.error());
        insert.setInt(6, (int) Math.min(Integer.MAX_VALUE, outcome.durationMillis()));
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
