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
 * its cost. A verification is one statement, committed on its own: the claim of the request id, and for an issued code
 * the count and the scan, with what the answer was made of.
 * <p>
 * A request id is claimed by inserting its row: PostgreSQL makes a second claim of the same id wait until the first
 * statement commits, and then finds the row there, so two copies of one query arriving together are counted once.
 */
@ApplicationScoped
public class AnswerLedger {

    private final AgroalDataSource dataSource;

    public AnswerLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What an earlier query of the same request id was about, and what its answer was: the answer itself when it
     * needed nothing from the store, else what it was made of.
     *
     * @param answerJson the answer as given, for a code that was not this provider's or was forged; null otherwise
     * @param reference the answer's provider reference, for an issued code's answer
     * @param history the scans the answer counted, empty when the code was never issued
     * @param suspectAfterScans the threshold the answer was judged with, null when the code was never issued
     */
    public record Earlier(String code, String answerJson, String reference, Optional<ScanHistory> history,
            Integer suspectAfterScans) {
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
            return insert.executeUpdate() == 1 ? Optional.empty() : earlier(connection, requestId, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the answer to request " + requestId, e);
        }
    }

    /**
     * Claims the request id and, if the claim is new and the code was issued, counts the scan and stores where it
     * happened with what the answer is made of (the count, the first sighting, the threshold), all in one statement
     * (its data-modifying {@code WITH}s run exactly once). A repeated query is answered from these
     * ({@link #earlier}), so the answer needs no statement of its own.
     */
    public Counted claimAndCount(AuthenticationQuery query, ReferenceCode code, String country, Instant scannedAt,
            Instant receivedAt, String reference, int suspectAfterScans) {
        AuthenticationQuery.Place place = query.place();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement("with claimed as (insert into answered_query "
                        + "(request_id, code, received_at, reference) values (?, ?, ?, ?) on conflict do nothing "
                        + "returning request_id), counted as (update issued_code set scan_count = scan_count + 1, "
                        + "first_seen_at = coalesce(first_seen_at, ?), first_seen_country = case when first_seen_at "
                        + "is null then ? else first_seen_country end where gtin = cast(? as char(14)) and serial = ? "
                        + "and exists (select 1 from claimed) returning id, scan_count, first_seen_country, "
                        + "first_seen_at), scanned as (insert into scan (id, code_id, request_id, authority, country, "
                        + "office, latitude, longitude, scanned_at, received_at, scan_count, first_seen_country, "
                        + "first_seen_at, suspect_after_scans) select ?, id, ?, ?, ?, ?, ?, ?, ?, ?, scan_count, "
                        + "first_seen_country, first_seen_at, ? from counted) select exists (select 1 from claimed), "
                        + "c.scan_count, c.first_seen_country, c.first_seen_at from (select 1) as one "
                        + "left join counted c on true")) {
            OffsetDateTime received = receivedAt.atOffset(ZoneOffset.UTC);
            OffsetDateTime scanned = scannedAt.atOffset(ZoneOffset.UTC);
            int i = 0;
            claim.setObject(++i, query.requestId());
            claim.setString(++i, query.code());
            claim.setObject(++i, received);
            claim.setString(++i, reference);
            claim.setObject(++i, scanned);
            claim.setString(++i, country);
            claim.setString(++i, code.gtin());
            claim.setString(++i, code.serial());
            claim.setObject(++i, UUID.randomUUID());
            claim.setObject(++i, query.requestId());
            claim.setString(++i, query.requester() != null ? query.requester().authority() : null);
            claim.setString(++i, country);
            claim.setString(++i, place != null ? place.office() : null);
            claim.setObject(++i, place != null ? place.latitude() : null, Types.DOUBLE);
            claim.setObject(++i, place != null ? place.longitude() : null, Types.DOUBLE);
            claim.setObject(++i, scanned);
            claim.setObject(++i, received);
            claim.setInt(++i, suspectAfterScans);
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

    /** The earlier query of a request id already claimed, found by {@link #claimAndCount} for this code. */
    public Earlier earlier(UUID requestId, ReferenceCode code) {
        try (Connection connection = dataSource.getConnection()) {
            return earlier(connection, requestId, code).orElseThrow(() -> new IllegalStateException(
                    "Request " + requestId + " was claimed but its row is gone"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the answer to request " + requestId, e);
        }
    }

    private static Optional<Earlier> earlier(Connection connection, UUID requestId, ReferenceCode code)
            throws SQLException {
        // The scan is found through its code (scan_by_code): a code has few scans, and no index by request id
        // slows every scan's insert for the sake of rare repeats. A repeat about another code is refused anyway.
        try (PreparedStatement select = connection.prepareStatement("select q.code, q.answer_json, q.reference, "
                + "s.scan_count, s.first_seen_country, s.first_seen_at, s.suspect_after_scans from answered_query q "
                + "left join issued_code c on c.gtin = cast(? as char(14)) and c.serial = ? "
                + "left join scan s on s.code_id = c.id and s.request_id = q.request_id where q.request_id = ?")) {
            select.setString(1, code == null ? null : code.gtin());
            select.setString(2, code == null ? null : code.serial());
            select.setObject(3, requestId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int scans = row.getInt(4);
                Optional<ScanHistory> history = Optional.empty();
                Integer threshold = null;
                if (!row.wasNull()) {
                    OffsetDateTime firstSeenAt = row.getObject(6, OffsetDateTime.class);
                    history = Optional.of(new ScanHistory(scans, row.getString(5),
                            firstSeenAt == null ? null : firstSeenAt.toInstant()));
                    threshold = row.getInt(7);
                }
                return Optional.of(new Earlier(row.getString(1), row.getString(2), row.getString(3), history,
                        threshold));
            }
        }
    }
}
