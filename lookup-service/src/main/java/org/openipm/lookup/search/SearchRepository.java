package org.openipm.lookup.search;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openipm.lookup.readmodel.PublishedProduct;

/**
 * Full-text search over the published products' weighted {@code search} vector (name and brand weigh most, then
 * category, then description), ranked by {@code ts_rank}.
 */
@ApplicationScoped
public class SearchRepository implements PanacheRepositoryBase<PublishedProduct, UUID> {

    private static final String RANKED = """
            select p.id, p.brand_id, p.brand_name, p.name, p.category, ts_rank(p.search, q) as rank
            from product p, %s as q
            where p.search @@ q
            order by rank desc, p.name, p.id
            limit ?2""";

    /** Words as typed, with the web-search syntax ("quoted phrase", or, -excluded). */
    public List<SearchHit> words(String query, int limit) {
        return run(RANKED.formatted("websearch_to_tsquery('simple', ?1)"), query, limit);
    }

    /**
     * Every token as a prefix ({@code wat:* & ste:*}): catches what is still being typed. The tokens are letters
     * and digits only, so they cannot form tsquery syntax.
     */
    public List<SearchHit> prefixes(List<String> tokens, int limit) {
        String query = String.join(" & ", tokens.stream().map(t -> t + ":*").toList());
        return run(RANKED.formatted("to_tsquery('simple', ?1)"), query, limit);
    }

    private List<SearchHit> run(String sql, String query, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(sql)
                .setParameter(1, query).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new SearchHit((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).doubleValue())).toList();
    }
}
