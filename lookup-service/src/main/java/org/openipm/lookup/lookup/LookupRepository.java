package org.openipm.lookup.lookup;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openipm.lookup.readmodel.PublishedProduct;

/**
 * The lookup's single query: every way a code can designate a product (GTIN index, TAC range, products whose
 * proprietary pattern matched) joined to the precomputed officer card, with contacts filtered in the database.
 */
@ApplicationScoped
public class LookupRepository implements PanacheRepositoryBase<PublishedProduct, UUID> {

    private static final String CONTACTS_FOR_COUNTRY = "$[*] ? (@.country == $c || @.country == \"*\")";
    private static final String MATCHES = """
            select p.id, p.brand_id, m.how, cast(p.card as text),
                   cast(case when ?4 then p.contacts
                             else jsonb_path_query_array(p.contacts, cast(?5 as jsonpath), jsonb_build_object('c', ?6))
                        end as text)
            from (select product_id, 'GTIN' as how from product_gtin where gtin = ?1
                  union all
                  select product_id, 'TAC_RANGE' from product_tac_range where tacs @> cast(?2 as bigint)
                  union all
                  select cast(x as uuid), 'PROPRIETARY_PATTERN' from unnest(string_to_array(?3, ',')) as x
                 ) m
            join product p on p.id = m.product_id""";

    /**
     * @param gtin14 the GTIN, or null
     * @param tac the IMEI type allocation code, or null
     * @param patternMatches products whose proprietary pattern matched the code
     * @param country contacts for this country and for every country ("*") are returned; all of them when null
     */
    public List<MatchRow> matches(String gtin14, String tac, Collection<UUID> patternMatches, String country) {
        if (gtin14 == null && tac == null && patternMatches.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(MATCHES)
                .setParameter(1, gtin14 == null ? "" : gtin14)
                .setParameter(2, tac == null ? -1L : Long.parseLong(tac))
                .setParameter(3, patternMatches.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .setParameter(4, country == null)
                .setParameter(5, CONTACTS_FOR_COUNTRY)
                .setParameter(6, country == null ? "" : country)
                .getResultList();
        return rows.stream().map(r -> new MatchRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4])).toList();
    }

    public record MatchRow(UUID productId, String brandId, String matchedBy, String cardJson, String contactsJson) {
    }
}
