package org.openipm.messaging.seizure.matching;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openipm.messaging.seizure.matching.SeizureMatcher.Owner;

/**
 * The matched seizures and their lines, written a batch at a time: every statement takes the whole batch (one array
 * per column), never one round trip per seizure. Runs on the caller's transaction (the data source's
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

    public SeizureMatchRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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

    /**
     * Stores new seizures and new versions of stored ones ({@code replaced}: their ids), replacing the lines of the
     * latter: at most three statements in all, each taking one array per column. A line's brands and products, of any
     * number, travel as one array literal each.
     */
    public void store(List<Row> rows, Collection<UUID> replaced) {
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size();
        UUID[] ids = new UUID[size];
        String[] authorities = new String[size];
        String[] externalIds = new String[size];
        String[] hashes = new String[size];
        String[] seizedOn = new String[size];
        String[] countries = new String[size];
        String[] offices = new String[size];
        String[] modes = new String[size];
        String[] origins = new String[size];
        String[] values = new String[size];
        String[] currencies = new String[size];
        UUID[] caseIds = new UUID[size];
        Boolean[] opened = new Boolean[size];
        UUID[] operations = new UUID[size];
        String[] matchedAt = new String[size];
        int lineCount = 0;
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            ids[i] = row.id();
            authorities[i] = row.authority();
            externalIds[i] = row.externalId();
            hashes[i] = row.contentSha256();
            seizedOn[i] = row.seizedOn().toString();
            countries[i] = row.country();
            offices[i] = row.office();
            modes[i] = row.transportMode();
            origins[i] = row.originCountry();
            values[i] = row.estimatedValue() == null ? null : row.estimatedValue().toString();
            currencies[i] = row.currency();
            caseIds[i] = row.caseId();
            opened[i] = row.caseOpened();
            operations[i] = row.operationId();
            matchedAt[i] = row.matchedAt().toString();
            lineCount += row.lines().size();
        }
        UUID[] lineSeizures = new UUID[lineCount];
        Integer[] lineNumbers = new Integer[lineCount];
        String[] quantities = new String[lineCount];
        String[] units = new String[lineCount];
        String[] valueShares = new String[lineCount];
        String[] brandIds = new String[lineCount];
        String[] productIds = new String[lineCount];
        int n = 0;
        for (Row row : rows) {
            for (SeizureMatcher.Line line : row.lines()) {
                lineSeizures[n] = row.id();
                lineNumbers[n] = line.line();
                quantities[n] = Double.toString(line.quantity());
                units[n] = line.unit();
                valueShares[n] = line.valueShare() == null ? null : line.valueShare().toString();
                brandIds[n] = arrayLiteral(line.brandIds());
                productIds[n] = arrayLiteral(line.productIds());
                n++;
            }
        }
        run("insert into seizure (id, authority, external_id, content_sha256, seized_on, country, office, "
                + "transport_mode, origin_country, estimated_value, currency, case_id, case_opened, operation_id, "
                + "matched_at) "
                + "select t.id, t.authority, t.external_id, t.content_sha256, t.seized_on::date, t.country, t.office, "
                + "t.transport_mode, t.origin_country, t.estimated_value::numeric, t.currency, t.case_id, "
                + "t.case_opened, t.operation_id, t.matched_at::timestamptz "
                + "from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::boolean[], ?::uuid[], ?::text[]) "
                + "as t(id, authority, external_id, content_sha256, seized_on, country, office, transport_mode, "
                + "origin_country, estimated_value, currency, case_id, case_opened, operation_id, matched_at) "
                + "on conflict (authority, external_id) do update set content_sha256 = excluded.content_sha256, "
                + "seized_on = excluded.seized_on, country = excluded.country, office = excluded.office, "
                + "transport_mode = excluded.transport_mode, origin_country = excluded.origin_country, "
                + "estimated_value = excluded.estimated_value, currency = excluded.currency, "
                + "case_id = excluded.case_id, case_opened = excluded.case_opened, operation_id = excluded.operation_id, "
                + "matched_at = excluded.matched_at",
                statement -> {
                    bind(statement, new String[] {"uuid", "text", "text", "text", "text", "text", "text", "text",
                        "text", "text", "text", "uuid", "boolean", "uuid", "text"}, ids, authorities, externalIds,
                            hashes, seizedOn, countries, offices, modes, origins, values, currencies, caseIds, opened,
                            operations, matchedAt);
                    return statement.executeUpdate();
                });
        if (!replaced.isEmpty()) {
            run("delete from seizure_line where seizure_id = any(?::uuid[])", statement -> {
                bind(statement, new String[] {"uuid"}, replaced.toArray(UUID[]::new));
                return statement.executeUpdate();
            });
        }
        if (lineCount == 0) {
            return;
        }
        run("insert into seizure_line (seizure_id, line, quantity, unit, value_share, brand_ids, product_ids) "
                + "select t.seizure_id, t.line, t.quantity::numeric, t.unit, t.value_share::numeric, "
                + "t.brand_ids::text[], t.product_ids::uuid[] "
                + "from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                + "as t(seizure_id, line, quantity, unit, value_share, brand_ids, product_ids)", statement -> {
                    bind(statement, new String[] {"uuid", "int4", "text", "text", "text", "text", "text"},
                            lineSeizures, lineNumbers, quantities, units, valueShares, brandIds, productIds);
                    return statement.executeUpdate();
                });
    }

    private static void bind(PreparedStatement statement, String[] types, Object[]... columns) throws SQLException {
        Connection connection = statement.getConnection();
        for (int c = 0; c < columns.length; c++) {
            statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
        }
    }

    /** A PostgreSQL array literal of the values, each quoted: {@code {"a","b\"c"}}. */
    static String arrayLiteral(List<?> values) {
        StringBuilder literal = new StringBuilder("{");
        for (Object value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
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
