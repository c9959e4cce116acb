package org.openipm.lookup.search;

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
 * Full-text search over the published products' weighted {@code search} vector (name and brand weigh most, then
 * category, then description), ranked by {@code ts_rank}. Plain JDBC, like every read of the read model.
 */
@ApplicationScoped
public class SearchRepository {

    private static final String RANKED = """
            select p.id, p.brand_id, p.brand_name, p.name, p.category, ts_rank(p.search, q) as rank
            from product p, %s as q
            where p.search @@ q
            order by rank desc, p.name, p.id
            limit ?""";

    private final AgroalDataSource dataSource;

    public SearchRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Words as typed, with the web-search syntax ("quoted phrase", or, -excluded). */
    public List<SearchHit> words(String query, int limit) {
        return run(RANKED.formatted("websearch_to_tsquery('simple', ?)"), query, limit);
    }

    /**
     * Every token as a prefix ({@code wat:* & ste:*}): catches what is still being typed. The tokens are letters
     * and digits only, so they cannot form tsquery syntax.
     */
    public List<SearchHit> prefixes(List<String> tokens, int limit) {
        String query = String.join(" & ", tokens.stream().map(t -> t + ":*").toList());
        return run(RANKED.formatted("to_tsquery('simple', ?)"), query, limit);
    }

    private List<SearchHit> run(String sql, String query, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, query);
            statement.setInt(2, limit);
            List<SearchHit> hits = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // ts_rank is a real: widened from a float as always (a double parsed from its text would differ).
                    hits.add(new SearchHit(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getFloat(6)));
                }
            }
            return hits;
        } catch (SQLException e) {
            throw new IllegalStateException("Search query failed", e);
        }
    }
}
