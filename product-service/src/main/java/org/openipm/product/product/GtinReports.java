package org.openipm.product.product;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The administrators' reports on GTINs across all brands. Plain JDBC: they are read models, set-based queries over
 * several tables that need no entity and no persistence context. Tables are named with the service's schema
 * ({@code quarkus.flyway.schemas}) rather than through the connection's search path, which the rest of the service
 * leaves alone.
 */
@ApplicationScoped
public class GtinReports {

    /** A GTIN two or more brands claim, with those brands. */
    public record GtinConflict(String gtin, List<String> brandIds) {
    }

    /** A GTIN a brand lists but is not known to own: outside its approved prefixes and not licensed to it. */
    public record UnverifiedGtin(String gtin, String brandId, UUID productId, String sku, String productName,
            String status) {
    }

    private static final String CONFLICTS = """
            select gtin, array_agg(distinct brand_id order by brand_id)
            from product.product_gtin group by gtin having count(distinct brand_id) > 1 order by gtin""";

    private static final String UNVERIFIED = """
            from product.product_gtin g join product.product p on p.id = g.product_id
            where not exists (select 1 from product.brand_company_prefix c
                              where c.brand_id = g.brand_id and c.status = 'APPROVED'
                                and substr(g.gtin, 2, length(c.prefix)) = c.prefix)
              and not exists (select 1 from product.licensed_gtin l where l.gtin = g.gtin and l.brand_id = g.brand_id)""";

    private final AgroalDataSource dataSource;

    public GtinReports(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<GtinConflict> conflicts() {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(CONFLICTS);
                ResultSet rows = query.executeQuery()) {
            List<GtinConflict> conflicts = new ArrayList<>();
            while (rows.next()) {
                conflicts.add(new GtinConflict(rows.getString(1),
                        Arrays.asList((String[]) rows.getArray(2).getArray())));
            }
            return conflicts;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading GTIN conflicts failed", e);
        }
    }

    public List<UnverifiedGtin> unverified(int page, int size) {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select g.gtin, g.brand_id, p.id, p.sku, p.name, p.status " + UNVERIFIED
                        + " order by g.brand_id, g.gtin, p.id limit ? offset ?")) {
            query.setInt(1, size);
            query.setLong(2, (long) page * size);
            try (ResultSet rows = query.executeQuery()) {
                List<UnverifiedGtin> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(new UnverifiedGtin(rows.getString(1).trim(), rows.getString(2),
                            rows.getObject(3, UUID.class), rows.getString(4), rows.getString(5), rows.getString(6)));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading unverified GTINs failed", e);
        }
    }

    public long unverifiedCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("select count(*) " + UNVERIFIED);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting unverified GTINs failed", e);
        }
    }
}
