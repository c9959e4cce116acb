package org.openipm.messaging.seizure.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openipm.messaging.seizure.matching.SeizureMatcher.Owner;

/**
 * The matched seizures and their lines, written a batch at a time: every statement takes the whole batch (arrays or
 * a JSON array of rows), never one round trip per seizure. Runs on the caller's transaction (the data source's
 * connections join it).
 */
@ApplicationScoped
public class SeizureMatchRepository {

    /** A seizure as matched, ready to store. */
    public record Row(UUID id, String authority, String externalId, String contentSha256, LocalDate seizedOn,
            String country, String office, String transportMode, String originCountry, Double estimatedValue,
            String currency, UUID caseId, boolean caseOpened, UUID operationId, Instant matchedAt,
            List<SeizureMatcher.Line> lines) {
    }

    /** What is stored of a seizure already matched: its id, the version matched and its case. */
    public record Matched(UUID id, String contentSha256, UUID caseId, boolean caseOpened) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public SeizureMatchRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Locks the seizures' identities until the transaction ends, in one order, so that two consumers (one of them a
     * zombie of a rebalance) never match the same version twice.
     */
    public void lock(Collection<String> keys) {
        run("select pg_advisory_xact_lock(h) from (select hashtextextended(k, 0) as h from unnest(?::text[]) as k "
                + "order by k) as ordered", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text", keys.toArray()));
                    statement.execute();
                    return null;
                });
    }

    /** The stored seizures among those identities, keyed by {@code authority/externalId}. */
    public Map<String, Matched> matched(Collection<String> authorities, Collection<String> externalIds) {
        return run("select s.authority, s.external_id, s.id, s.content_sha256, s.case_id, s.case_opened from seizure s "
                + "join unnest(?::text[], ?::text[]) as k(a, e) on s.authority = k.a and s.external_id = k.e",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text", authorities.toArray()));
                    statement.setArray(2, statement.getConnection().createArrayOf("text", externalIds.toArray()));
                    Map<String, Matched> found = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.put(rows.getString(1) + "/" + rows.getString(2), new Matched(
                                    rows.getObject(3, UUID.class), rows.getString(4), rows.getObject(5, UUID.class),
                                    rows.getBoolean(6)));
                        }
                    }
                    return found;
                });
    }

    /** GTIN -> its verified owners, for every GTIN given that has one. */
    public Map<String, List<Owner>> verifiedOwners(Collection<String> gtins) {
        if (gtins.isEmpty()) {
            return Map.of();
        }
        return run("select gtin, brand_id, product_id from catalogue_gtin where verified and gtin = any(?::text[]) "
                + "order by gtin, brand_id, product_id", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text", gtins.toArray()));
                    Map<String, List<Owner>> owners = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            owners.computeIfAbsent(rows.getString(1), g -> new ArrayList<>())
                                    .add(new Owner(rows.getString(2), rows.getObject(3, UUID.class)));
                        }
                    }
                    return owners;
                });
    }

    /** (case id, authority) pairs among those given where the authority takes part in the case. */
    public Set<String> participations(List<UUID> caseIds, List<String> authorities) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        return run("select p.case_id, p.party_id from case_participant p join unnest(?::uuid[], ?::text[]) "
                + "as k(c, a) on p.case_id = k.c and p.party_id = k.a where p.party_kind = 'AUTHORITY'", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("uuid", caseIds.toArray()));
                    statement.setArray(2, statement.getConnection().createArrayOf("text", authorities.toArray()));
                    Set<String> found = new HashSet<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getObject(1, UUID.class) + "/" + rows.getString(2));
                        }
                    }
                    return found;
                });
    }

    /** Stores new seizures and new versions of stored ones, replacing their lines: three statements in all. */
    public void store(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Map<String, Object>> seizures = new ArrayList<>(rows.size());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> seizure = new LinkedHashMap<>();
            seizure.put("id", row.id());
            seizure.put("authority", row.authority());
            seizure.put("external_id", row.externalId());
            seizure.put("content_sha256", row.contentSha256());
            seizure.put("seized_on", row.seizedOn().toString());
            seizure.put("country", row.country());
            seizure.put("office", row.office());
            seizure.put("transport_mode", row.transportMode());
            seizure.put("origin_country", row.originCountry());
            seizure.put("estimated_value", row.estimatedValue());
            seizure.put("currency", row.currency());
            seizure.put("case_id", row.caseId());
            seizure.put("case_opened", row.caseOpened());
            seizure.put("operation_id", row.operationId());
            seizure.put("matched_at", row.matchedAt().toString());
            seizures.add(seizure);
            for (SeizureMatcher.Line line : row.lines()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("seizure_id", row.id());
                l.put("line", line.line());
                l.put("quantity", line.quantity());
                l.put("unit", line.unit());
                l.put("value_share", line.valueShare());
                l.put("brand_ids", line.brandIds());
                l.put("product_ids", line.productIds());
                lines.add(l);
            }
        }
        String seizureJson = write(seizures);
        String linesJson = write(lines);
        run("insert into seizure (id, authority, external_id, content_sha256, seized_on, country, office, "
                + "transport_mode, origin_country, estimated_value, currency, case_id, case_opened, operation_id, "
                + "matched_at) "
                + "select * from jsonb_to_recordset(?::jsonb) as t(id uuid, authority text, external_id text, "
                + "content_sha256 text, seized_on date, country text, office text, transport_mode text, "
                + "origin_country text, estimated_value numeric, currency text, case_id uuid, case_opened boolean, "
                + "operation_id uuid, matched_at timestamptz) "
                + "on conflict (authority, external_id) do update set content_sha256 = excluded.content_sha256, "
                + "seized_on = excluded.seized_on, country = excluded.country, office = excluded.office, "
                + "transport_mode = excluded.transport_mode, origin_country = excluded.origin_country, "
                + "estimated_value = excluded.estimated_value, currency = excluded.currency, "
                + "case_id = excluded.case_id, case_opened = excluded.case_opened, operation_id = excluded.operation_id, "
                + "matched_at = excluded.matched_at",
                statement -> {
                    statement.setString(1, seizureJson);
                    return statement.executeUpdate();
                });
        run("delete from seizure_line where seizure_id = any(?::uuid[])", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("uuid",
                    rows.stream().map(Row::id).toArray()));
            return statement.executeUpdate();
        });
        run("insert into seizure_line (seizure_id, line, quantity, unit, value_share, brand_ids, product_ids) "
                + "select t.seizure_id, t.line, t.quantity, t.unit, t.value_share, "
                + "array(select jsonb_array_elements_text(t.brand_ids)), "
                + "array(select jsonb_array_elements_text(t.product_ids))::uuid[] "
                + "from jsonb_to_recordset(?::jsonb) as t(seizure_id uuid, line integer, quantity numeric, unit text, "
                + "value_share numeric, brand_ids jsonb, product_ids jsonb)", statement -> {
                    statement.setString(1, linesJson);
                    return statement.executeUpdate();
                });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Seizure rows cannot be written as JSON", e);
        }
    }

    private <T> T run(String sql, Statement<T> work) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Seizure matches could not be read or stored", e);
        }
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
