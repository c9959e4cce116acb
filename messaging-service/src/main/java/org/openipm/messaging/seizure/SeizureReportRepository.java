package org.openipm.messaging.seizure;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reports taken, keyed by (authority, external id). Set-based: a batch is one multi-row insert that keeps what
 * exists, then one read of the content hashes of the ids that existed; never a round trip per record. Runs on the
 * caller's transaction (the data source's connections join it).
 */
@ApplicationScoped
public class SeizureReportRepository {

    /**
     * A report to store: its external id, the hash of its content (without the time it was taken: what tells a
     * duplicate from a conflict) and the report as JSON.
     */
    public record Row(String externalId, String contentSha256, String reportJson) {
    }

    private final AgroalDataSource dataSource;

    public SeizureReportRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the rows whose id is new for the authority; returns the external ids inserted. */
    public Set<String> insertNew(String authority, List<Row> rows, Instant at) {
        String sql = "insert into seizure_report (authority, external_id, content_sha256, report, reported_at) "
                + "select ?, t.e, t.h, t.r::json, ? from unnest(?::text[], ?::text[], ?::text[]) as t(e, h, r) "
                + "on conflict (authority, external_id) do nothing returning external_id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, authority);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setArray(3, connection.createArrayOf("text", rows.stream().map(Row::externalId).toArray()));
            insert.setArray(4, connection.createArrayOf("text", rows.stream().map(Row::contentSha256).toArray()));
            insert.setArray(5, connection.createArrayOf("text", rows.stream().map(Row::reportJson).toArray()));
            Set<String> inserted = new HashSet<>();
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getString(1));
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("Seizure reports could not be stored", e);
        }
    }

    /** External id -> content hash of the authority's stored reports among the ids given. */
    public Map<String, String> hashesOf(String authority, List<String> externalIds) {
        String sql = "select external_id, content_sha256 from seizure_report "
                + "where authority = ? and external_id = any(?::text[])";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, authority);
            select.setArray(2, connection.createArrayOf("text", externalIds.toArray()));
            Map<String, String> hashes = new HashMap<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    hashes.put(result.getString(1), result.getString(2));
                }
            }
            return hashes;
        } catch (SQLException e) {
            throw new IllegalStateException("Seizure reports could not be read", e);
        }
    }

    /** Replaces a stored report's content (an amendment); false when the authority has no such report. */
    public boolean amend(String authority, Row row, Instant at) {
        String sql = "update seizure_report set superseded_sha256 = array_append(superseded_sha256, content_sha256), "
                + "content_sha256 = ?, report = ?::json, amended_at = ? "
                + "where authority = ? and external_id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, row.contentSha256());
            update.setString(2, row.reportJson());
            update.setTimestamp(3, Timestamp.from(at));
            update.setString(4, authority);
            update.setString(5, row.externalId());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Seizure report could not be amended", e);
        }
    }

    /** The versions a stored report has had: its current content hash and those amendments replaced. */
    public record Versions(String current, Set<String> superseded) {
    }

    /** Versions of the stored reports among the (authority, external id) pairs given, keyed by both. */
    public Map<List<String>, Versions> versionsOf(List<List<String>> authorityAndExternalIds) {
        String sql = "select r.authority, r.external_id, r.content_sha256, r.superseded_sha256 "
                + "from seizure_report r "
                + "join unnest(?::text[], ?::text[]) as k(a, e) on r.authority = k.a and r.external_id = k.e";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("text",
                    authorityAndExternalIds.stream().map(k -> k.get(0)).toArray()));
            select.setArray(2, connection.createArrayOf("text",
                    authorityAndExternalIds.stream().map(k -> k.get(1)).toArray()));
            Map<List<String>, Versions> versions = new HashMap<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    versions.put(List.of(result.getString(1), result.getString(2)), new Versions(result.getString(3),
                            new HashSet<>(java.util.Arrays.asList((String[]) result.getArray(4).getArray()))));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("Seizure reports could not be read", e);
        }
    }

    public Optional<String> hashOf(String authority, String externalId) {
        return Optional.ofNullable(hashesOf(authority, List.of(externalId)).get(externalId));
    }
}
