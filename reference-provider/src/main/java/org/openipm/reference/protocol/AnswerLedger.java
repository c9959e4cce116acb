package org.openipm.reference.protocol;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.reference.codes.ReferenceCode;

/**
 * The provider's record of what it answered and which issued codes were scanned, written with as few statements as
 * a verification allows: a provider answers every officer's scan, so its round trips to the database are most of
 * its cost. Each method runs on the caller's transaction when there is one (the data source enlists the connection).
 * <p>
 * A request id is claimed by inserting its row: PostgreSQL makes a second claim of the same id wait until the first
 * transaction ends, and then finds the row there, so two copies of one query arriving together are counted once.
 */
@ApplicationScoped
public class AnswerLedger {

    private final AgroalDataSource dataSource;

    public AnswerLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What an earlier query of the same request id was about, and what it was answered. */
    public record Earlier(String code, String answerJson) {
    }

    /**
     * The outcome of {@link #claimAndCount}.
     *
     * @param claimed false when the request id was answered before (nothing was counted)
     * @param history the code's scans including this one; empty when this provider never issued the code
     */
    public record Counted(boolean claimed, Optional<ScanHistory> history) {
    }

    /**
     * Claims the request id with an answer that needs nothing from the store (a code not of this provider's format,
     * a forged signature). One statement; empty when the claim was made, the earlier query otherwise.
     */
    public Optional<Earlier> claimAnswered(UUID requestId, String code, Instant receivedAt, String answerJson) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into answered_query (request_id, "
                        + "code, received_at, answer_json) values (?, ?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, requestId);
            insert.setString(2, code);
            insert.setObject(3, receivedAt.atOffset(ZoneOffset.UTC));
            insert.setString(4, answerJson);
            return insert.executeUpdate() == 1 ? Optional.empty() : earlier(connection, requestId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the answer to request " + requestId, e);
        }
    }

    /**
     * Claims the request id and, if the claim is new and the code was issued, counts the scan and stores where it
     * happened, in one statement (its data-modifying {@code WITH}s run exactly once). The answer follows with
     * {@link #keep}, in the same transaction.
     */
    public Counted claimAndCount(AuthenticationQuery query, ReferenceCode code, String country, Instant scannedAt,
            Instant receivedAt) {
        AuthenticationQuery.Place place = query.place();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement("with claimed as (insert into answered_query "
                        + "(request_id, code, received_at) values (?, ?, ?) on conflict do nothing returning "
                        + "request_id), counted as (update issued_code set scan_count = scan_count + 1, "
                        + "first_seen_at = coalesce(first_seen_at, ?), first_seen_country = case when first_seen_at "
                        + "is null then ? else first_seen_country end where gtin = cast(? as char(14)) and serial = ? "
                        + "and exists (select 1 from claimed) returning id, scan_count, first_seen_country, "
                        + "first_seen_at), scanned as (insert into scan (id, code_id, request_id, authority, country, "
                        + "office, latitude, longitude, scanned_at, received_at) select ?, id, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "from counted) select exists (select 1 from claimed), c.scan_count, c.first_seen_country, "
                        + "c.first_seen_at from (select 1) as one left join counted c on true")) {
            OffsetDateTime received = receivedAt.atOffset(ZoneOffset.UTC);
            OffsetDateTime scanned = scannedAt.atOffset(ZoneOffset.UTC);
            claim.setObject(1, query.requestId());
            claim.setString(2, query.code());
            claim.setObject(3, received);
            claim.setObject(4, scanned);
            claim.setString(5, country);
            claim.setString(6, code.gtin());
            claim.setString(7, code.serial());
            claim.setObject(8, UUID.randomUUID());
            claim.setObject(9, query.requestId());
            claim.setString(10, query.requester() != null ? query.requester().authority() : null);
            claim.setString(11, country);
            claim.setString(12, place != null ? place.office() : null);
            claim.setObject(13, place != null ? place.latitude() : null, Types.DOUBLE);
            claim.setObject(14, place != null ? place.longitude() : null, Types.DOUBLE);
            claim.setObject(15, scanned);
            claim.setObject(16, received);
            try (ResultSet row = claim.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    return new Counted(false, Optional.empty());
                }
                int scans = row.getInt(2);
                if (row.wasNull()) {
                    return new Counted(true, Optional.empty());
                }
                OffsetDateTime firstSeenAt = row.getObject(4, OffsetDateTime.class);
                return new Counted(true, Optional.of(new ScanHistory(scans, row.getString(3),
                        firstSeenAt == null ? null : firstSeenAt.toInstant())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the scan of request " + query.requestId(), e);
        }
    }

    /** Stores the answer to a request claimed by {@link #claimAndCount}, for a repeat of the query. */
    public void keep(UUID requestId, String answerJson) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update answered_query set answer_json = ? where request_id = ?")) {
            update.setString(1, answerJson);
            update.setObject(2, requestId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep the answer to request " + requestId, e);
        }
    }

    /** The earlier query of a request id already claimed. */
    public Earlier earlier(UUID requestId) {
        try (Connection connection = dataSource.getConnection()) {
            return earlier(connection, requestId).orElseThrow(() -> new IllegalStateException(
                    "Request " + requestId + " was claimed but its row is gone"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the answer to request " + requestId, e);
        }
    }

    private static Optional<Earlier> earlier(Connection connection, UUID requestId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select code, answer_json from answered_query where request_id = ?")) {
            select.setObject(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Earlier(row.getString(1), row.getString(2))) : Optional.empty();
            }
        }
    }
}
