package org.openipm.messaging.statistics;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The seizure statistics read model, and the one place where seizures are counted and their quantities and values
 * summed: {@code GET /api/v1/statistics/seizures} and a joint operation's results both ask it, so the two always
 * agree. Plain SQL over the matched seizures ({@code seizure}, one row per seizure whatever the deliveries, and
 * {@code seizure_line}). Three aggregates per question (seizures counted, quantities per unit, values per currency),
 * each grouped by the requested key.
 * <ul>
 * <li>Counting every seizure or an authority's: a seizure counts once, all its goods lines' quantities, its whole
 * estimated value.</li>
 * <li>Per brand (grouped by brand, or a brand's own view): the goods lines spread over the brands whose verified
 * GTIN they carry; a seizure counts once per brand, with those lines' quantities and value shares only (the value
 * split equally among a seizure's goods lines when it was matched: {@code SeizureMatcher}).</li>
 * <li>Per operation (grouped by operation, or one operation's results): a seizure counts for the operation its record
 * names when its authority takes part, else for each operation its authority takes part in whose period holds its
 * day. Then an authority sees every seizure of the operations it takes part in, a brand its own goods in the
 * operations it takes part in.</li>
 * </ul>
 */
@ApplicationScoped
public class SeizureStatistics {

    /** Which operations a seizure ({@code s}) counts for ({@code o}): the one it names, else by authority and day. */
    private static final String OPERATION_MEMBERSHIP = " join operation o on o.authorities @> jsonb_build_array("
            + "s.authority) and (s.operation_id = o.id or (s.seized_on between o.starts_on and o.ends_on and ("
            + "s.operation_id is null or not exists (select 1 from operation n where n.id = s.operation_id "
            + "and n.authorities @> jsonb_build_array(s.authority)))))";

    private final AgroalDataSource dataSource;

    public SeizureStatistics(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public SeizureStatisticsView of(StatisticsScope scope, GroupBy groupBy, LocalDate from, LocalDate to) {
        return of(scope, groupBy, from, to, null);
    }

    /**
     * One operation's seizures, as its results show them: {@code scope} is {@link StatisticsScope#all()} for an
     * authority or administrator (access to the operation is the caller's to check), a brand's for a brand.
     */
    public SeizureStatisticsView ofOperation(UUID operationId, StatisticsScope scope, GroupBy groupBy) {
        return of(scope, groupBy, null, null, operationId);
    }

    private SeizureStatisticsView of(StatisticsScope scope, GroupBy groupBy, LocalDate from, LocalDate to,
            UUID operationId) {
        boolean perBrand = groupBy.perBrand() || scope.kind() == StatisticsScope.Kind.BRAND;
        boolean perOperation = groupBy == GroupBy.OPERATION || operationId != null;
        String key = groupBy.keySql();
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (scope.kind() == StatisticsScope.Kind.AUTHORITY) {
            // in an operation, its participants see all of it
            where.append(perOperation ? " and o.authorities @> jsonb_build_array(cast(? as text))"
                    : " and s.authority = ?");
            parameters.add(scope.id());
        }
        if (scope.kind() == StatisticsScope.Kind.BRAND) {
            where.append(" and b.brand_id = ?");
            parameters.add(scope.id());
            if (perOperation) {
                where.append(" and o.brands @> jsonb_build_array(cast(? as text))");
                parameters.add(scope.id());
            }
        }
        if (operationId != null) {
            where.append(" and o.id = ?");
            parameters.add(operationId);
        }
        if (from != null) {
            where.append(" and s.seized_on >= ?");
            parameters.add(Date.valueOf(from));
        }
        if (to != null) {
            where.append(" and s.seized_on <= ?");
            parameters.add(Date.valueOf(to));
        }
        String seizures = " from seizure s" + (perOperation ? OPERATION_MEMBERSHIP : "");
        String lines = seizures + " join seizure_line l on l.seizure_id = s.id"
                + (perBrand ? " cross join unnest(l.brand_ids) as b(brand_id)" : "");
        Map<String, Totals> groups = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            String counted = perBrand
                    ? "select " + key + ", count(distinct s.id)" + lines + where + " group by 1"
                    : "select " + key + ", count(*)" + seizures + where + " group by 1";
            query(connection, counted, parameters, row -> totals(groups, row.getString(1)).seizures = row.getLong(2));
            query(connection, "select " + key + ", l.unit, sum(l.quantity)" + lines + where + " group by 1, 2",
                    parameters, row -> totals(groups, row.getString(1)).quantities.put(row.getString(2),
                            row.getDouble(3)));
            String values = perBrand
                    ? "select " + key + ", s.currency, sum(l.value_share)" + lines + where
                            + " and s.currency is not null and l.value_share is not null group by 1, 2"
                    : "select " + key + ", s.currency, sum(s.estimated_value)" + seizures + where
                            + " and s.currency is not null group by 1, 2";
            query(connection, values, parameters, row -> totals(groups, row.getString(1)).values.put(
                    row.getString(2), row.getDouble(3)));
        } catch (SQLException e) {
            throw new IllegalStateException("Seizure statistics could not be read", e);
        }
        return new SeizureStatisticsView(groupBy.parameter(), from, to, groups.entrySet().stream()
                .map(e -> new SeizureStatisticsView.Group(e.getKey(), e.getValue().seizures,
                        e.getValue().quantities.entrySet().stream()
                                .map(q -> new SeizureStatisticsView.Quantity(q.getKey(), q.getValue())).toList(),
                        e.getValue().values.entrySet().stream()
                                .map(v -> new SeizureStatisticsView.Amount(v.getKey(), v.getValue())).toList()))
                .toList());
    }

    private static Totals totals(Map<String, Totals> groups, String key) {
        return groups.computeIfAbsent(key, k -> new Totals());
    }

    private static void query(Connection connection, String sql, List<Object> parameters, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static final class Totals {
        private long seizures;
        private final Map<String, Double> quantities = new TreeMap<>();
        private final Map<String, Double> values = new TreeMap<>();
    }
}
