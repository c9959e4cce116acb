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

/**
 * The seizure statistics read model: plain SQL over the matched seizures ({@code seizure}, one row per seizure
 * whatever the deliveries, and {@code seizure_line}). Three aggregates per question (seizures counted, quantities
 * per unit, values per currency), each grouped by the requested key.
 * <ul>
 * <li>Counting every seizure or an authority's: a seizure counts once, all its goods lines' quantities, its whole
 * estimated value.</li>
 * <li>Per brand (grouped by brand, or a brand's own view): the goods lines spread over the brands whose verified
 * GTIN they carry; a seizure counts once per brand, with those lines' quantities and value shares only.</li>
 * </ul>
 */
@ApplicationScoped
public class SeizureStatistics {

    private final AgroalDataSource dataSource;

    public SeizureStatistics(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public SeizureStatisticsView of(StatisticsScope scope, GroupBy groupBy, LocalDate from, LocalDate to) {
        boolean perBrand = groupBy.perBrand() || scope.kind() == StatisticsScope.Kind.BRAND;
        String key = groupBy.keySql();
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (scope.kind() == StatisticsScope.Kind.AUTHORITY) {
            where.append(" and s.authority = ?");
            parameters.add(scope.id());
        }
        if (scope.kind() == StatisticsScope.Kind.BRAND) {
            where.append(" and b.brand_id = ?");
            parameters.add(scope.id());
        }
        if (from != null) {
            where.append(" and s.seized_on >= ?");
            parameters.add(Date.valueOf(from));
        }
        if (to != null) {
            where.append(" and s.seized_on <= ?");
            parameters.add(Date.valueOf(to));
        }
        String lines = " from seizure s join seizure_line l on l.seizure_id = s.id"
                + (perBrand ? " cross join unnest(l.brand_ids) as b(brand_id)" : "");
        Map<String, Totals> groups = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            String counted = perBrand
                    ? "select " + key + ", count(distinct s.id)" + lines + where + " group by 1"
                    : "select " + key + ", count(*) from seizure s" + where + " group by 1";
            query(connection, counted, parameters, row -> totals(groups, row.getString(1)).seizures = row.getLong(2));
            query(connection, "select " + key + ", l.unit, sum(l.quantity)" + lines + where + " group by 1, 2",
                    parameters, row -> totals(groups, row.getString(1)).quantities.put(row.getString(2),
                            row.getDouble(3)));
            String values = perBrand
                    ? "select " + key + ", s.currency, sum(l.value_share)" + lines + where
                            + " and s.currency is not null and l.value_share is not null group by 1, 2"
                    : "select " + key + ", s.currency, sum(s.estimated_value) from seizure s" + where
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
