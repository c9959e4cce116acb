package org.openipm.authentication.provider;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read side of the registry: statistics and a brand's view, in plain SQL. */
@ApplicationScoped
public class ProviderStatisticsRepository {

    private final AgroalDataSource dataSource;

    public ProviderStatisticsRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ProviderStatistics of(String providerId) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> byVerdict = new LinkedHashMap<>();
            long completed = 0;
            try (PreparedStatement counts = connection.prepareStatement("select verdict, count(*) "
                    + "from authentication_request where provider_id = ? and status = 'COMPLETED' "
                    + "group by verdict order by verdict")) {
                counts.setString(1, providerId);
                try (ResultSet rows = counts.executeQuery()) {
                    while (rows.next()) {
                        byVerdict.put(rows.getString(1), rows.getLong(2));
                        completed += rows.getLong(2);
                    }
                }
            }
            ProviderStatistics.Latency latency = null;
            try (PreparedStatement latencies = connection.prepareStatement("select avg(provider_latency_ms), "
                    + "percentile_cont(0.5) within group (order by provider_latency_ms), "
                    + "percentile_cont(0.99) within group (order by provider_latency_ms) "
                    + "from authentication_request where provider_id = ? and provider_latency_ms is not null")) {
                latencies.setString(1, providerId);
                try (ResultSet rows = latencies.executeQuery()) {
                    if (rows.next() && rows.getObject(1) != null) {
                        latency = new ProviderStatistics.Latency(rows.getDouble(1), rows.getDouble(2),
                                rows.getDouble(3));
                    }
                }
            }
            return new ProviderStatistics(providerId, completed, byVerdict, latency);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the statistics of provider " + providerId, e);
        }
    }

    /** Of {@code gtins}, those the catalogue attributes to the brand. */
    public List<String> brandsOwn(String brandId, List<String> gtins) {
        if (gtins.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select distinct gtin from catalogue_gtin "
                        + "where brand_id = ? and gtin = any (?) order by gtin")) {
            query.setString(1, brandId);
            query.setArray(2, connection.createArrayOf("text", gtins.toArray()));
            List<String> own = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    own.add(rows.getString(1));
                }
            }
            return own;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the GTINs of brand " + brandId, e);
        }
    }
}
