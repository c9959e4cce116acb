package org.openipm.lookup.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openipm.events.product.ProductSnapshot;

/**
 * Writes the read model in set-based SQL: a snapshot becomes a handful of statements whatever the number of its
 * codes, which keeps a full replay of product-events fast.
 */
@ApplicationScoped
public class ReadModelRepository implements PanacheRepositoryBase<PublishedProduct, UUID> {

    /**
     * Records {@code version} as the product's latest applied one; false when an equal or newer version was
     * already applied (a replayed or late snapshot), in which case the caller changes nothing.
     */
    public boolean claimVersion(UUID productId, long version, String status) {
        return getEntityManager().createNativeQuery("""
                insert into applied_version (product_id, version, status) values (?1, ?2, ?3)
                on conflict (product_id) do update set version = excluded.version, status = excluded.status
                where applied_version.version < excluded.version""")
                .setParameter(1, productId).setParameter(2, version).setParameter(3, status)
                .executeUpdate() == 1;
    }

    public void upsert(ProductSnapshot s, String cardJson, String contactsJson, String snapshotJson) {
        getEntityManager().createNativeQuery("""
                insert into product (id, brand_id, brand_name, name, category, description, version, card, contacts,
                                     snapshot)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), cast(?9 as jsonb), cast(?10 as jsonb))
                on conflict (id) do update set brand_id = excluded.brand_id, brand_name = excluded.brand_name,
                    name = excluded.name, category = excluded.category, description = excluded.description,
                    version = excluded.version, card = excluded.card, contacts = excluded.contacts,
                    snapshot = excluded.snapshot""")
                .setParameter(1, s.productId())
                .setParameter(2, s.brandId())
                .setParameter(3, text(s.brandName()))
                .setParameter(4, text(s.name()))
                .setParameter(5, text(s.category()))
                .setParameter(6, text(s.description()))
                .setParameter(7, s.version())
                .setParameter(8, cardJson)
                .setParameter(9, contactsJson)
                .setParameter(10, snapshotJson)
                .executeUpdate();
    }

    public void replaceGtins(UUID productId, String brandId, List<String> gtins14) {
        getEntityManager().createNativeQuery("delete from product_gtin where product_id = ?1")
                .setParameter(1, productId).executeUpdate();
        if (!gtins14.isEmpty()) {
            getEntityManager().createNativeQuery("""
                    insert into product_gtin (gtin, product_id, brand_id)
                    select distinct g, ?2, ?3 from unnest(string_to_array(?1, ',')) g""")
                    .setParameter(1, String.join(",", gtins14)).setParameter(2, productId).setParameter(3, brandId)
                    .executeUpdate();
        }
    }

    public void replaceTacRanges(UUID productId, List<long[]> ranges) {
        getEntityManager().createNativeQuery("delete from product_tac_range where product_id = ?1")
                .setParameter(1, productId).executeUpdate();
        if (!ranges.isEmpty()) {
            getEntityManager().createNativeQuery("""
                    insert into product_tac_range (product_id, first_tac, last_tac)
                    select ?1, cast(f as bigint), cast(l as bigint)
                    from unnest(string_to_array(?2, ','), string_to_array(?3, ',')) as r(f, l)""")
                    .setParameter(1, productId)
                    .setParameter(2, String.join(",", ranges.stream().map(r -> Long.toString(r[0])).toList()))
                    .setParameter(3, String.join(",", ranges.stream().map(r -> Long.toString(r[1])).toList()))
                    .executeUpdate();
        }
    }

    /** Replaces the product's proprietary patterns; true when it had or now has any. */
    public boolean replacePatterns(UUID productId, List<ProductSnapshot.CodePattern> patterns) {
        int removed = getEntityManager().createNativeQuery("delete from product_code_pattern where product_id = ?1")
                .setParameter(1, productId).executeUpdate();
        for (ProductSnapshot.CodePattern p : patterns) {
            getEntityManager().createNativeQuery("""
                    insert into product_code_pattern (product_id, pattern_id, regex, description)
                    values (?1, ?2, ?3, ?4) on conflict do nothing""")
                    .setParameter(1, productId).setParameter(2, p.patternId()).setParameter(3, p.regex())
                    .setParameter(4, text(p.description()))
                    .executeUpdate();
        }
        return removed > 0 || !patterns.isEmpty();
    }

    /** Removes a product from the read model (its codes go with it); true when it had proprietary patterns. */
    public boolean remove(UUID productId) {
        boolean hadPatterns = replacePatterns(productId, List.of());
        getEntityManager().createNativeQuery("delete from product where id = ?1").setParameter(1, productId)
                .executeUpdate();
        return hadPatterns;
    }

    /** Keeps the brand's name and company prefixes as its latest snapshot says; true when they changed. */
    public boolean upsertBrand(String brandId, String name, String prefixesJson) {
        return getEntityManager().createNativeQuery("""
                insert into brand (id, name, company_prefixes) values (?1, ?2, cast(?3 as jsonb))
                on conflict (id) do update set name = excluded.name, company_prefixes = excluded.company_prefixes
                where brand.name is distinct from excluded.name
                   or brand.company_prefixes is distinct from excluded.company_prefixes""")
                .setParameter(1, brandId).setParameter(2, text(name)).setParameter(3, prefixesJson)
                .executeUpdate() == 1;
    }

    /** Notifies every listening instance when the current transaction commits; nothing if it rolls back. */
    public void announce(ReadModelNotice notice) {
        getEntityManager().createNativeQuery("select count(*) from (select pg_notify(?1, ?2)) as sent")
                .setParameter(1, ReadModelNotice.CHANNEL).setParameter(2, notice.payload()).getSingleResult();
    }

    public List<PatternRow> allPatterns() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "select product_id, pattern_id, regex from product_code_pattern order by product_id, pattern_id")
                .getResultList();
        return rows.stream().map(r -> new PatternRow((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    public List<BrandPrefix> allCompanyPrefixes() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "select id, jsonb_array_elements_text(company_prefixes) from brand").getResultList();
        return rows.stream().map(r -> new BrandPrefix((String) r[0], (String) r[1])).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    public record PatternRow(UUID productId, String patternId, String regex) {
    }

    public record BrandPrefix(String brandId, String prefix) {
    }
}
