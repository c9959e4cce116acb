package org.openipm.lookup.answers;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the read model's reference data that {@link CodeReferenceCache} holds in memory: every proprietary pattern
 * and every brand's GS1 company prefixes. Plain JDBC, like every read of the read model.
 */
@ApplicationScoped
public class CodeReferenceRepository {

    private final AgroalDataSource dataSource;

    public CodeReferenceRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every pattern and every company prefix (a change committed meanwhile queues another reload anyway). */
    public References all() {
        try (Connection connection = dataSource.getConnection()) {
            List<PatternRow> patterns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select product_id, pattern_id, regex from product_code_pattern order by product_id, pattern_id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    patterns.add(new PatternRow(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3)));
                }
            }
            List<BrandPrefix> prefixes = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, jsonb_array_elements_text(company_prefixes) from brand");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    prefixes.add(new BrandPrefix(rows.getString(1), rows.getString(2)));
                }
            }
            return new References(List.copyOf(patterns), List.copyOf(prefixes));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read proprietary patterns and company prefixes", e);
        }
    }

    public record References(List<PatternRow> patterns, List<BrandPrefix> prefixes) {
    }

    public record PatternRow(UUID productId, String patternId, String regex) {
    }

    public record BrandPrefix(String brandId, String prefix) {
    }
}
