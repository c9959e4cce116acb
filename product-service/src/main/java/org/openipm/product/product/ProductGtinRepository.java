package org.openipm.product.product;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ProductGtinRepository implements PanacheRepositoryBase<ProductGtin, ProductGtin.Key> {

    public List<String> gtinsOf(UUID productId) {
        return find("productId = ?1 order by gtin", productId).project(GtinOnly.class).list()
                .stream().map(GtinOnly::gtin).toList();
    }

    /** Every product of the brand with its GTINs (one query, for work on a whole catalogue). */
    public Map<UUID, List<String>> gtinsOfBrand(String brandId) {
        Map<UUID, List<String>> byProduct = new HashMap<>();
        getEntityManager().createQuery("select g.productId, g.gtin from ProductGtin g where g.brandId = ?1 "
                        + "order by g.productId, g.gtin", Object[].class).setParameter(1, brandId).getResultList()
                .forEach(row -> byProduct.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((String) row[1]));
        return byProduct;
    }

    public void replace(UUID productId, String brandId, List<String> gtins) {
        delete("productId", productId);
        getEntityManager().flush();
        add(productId, brandId, gtins);
    }

    public void add(UUID productId, String brandId, List<String> gtins) {
        gtins.forEach(gtin -> persist(ProductGtin.of(productId, brandId, gtin)));
    }

    /** Brands other than this one that claim the GTIN. */
    public List<String> otherClaimants(String gtin, String brandId) {
        return find("gtin = ?1 and brandId <> ?2", gtin, brandId).project(BrandOnly.class).list()
                .stream().map(BrandOnly::brandId).distinct().toList();
    }

    /** Every GTIN two or more brands claim, with those brands. */
    public List<Object[]> conflicts() {
        return getEntityManager().createNativeQuery("""
                select gtin, string_agg(distinct brand_id, ',' order by brand_id)
                from {h-schema}product_gtin group by gtin having count(distinct brand_id) > 1 order by gtin""")
                .getResultList();
    }

    /** A GTIN a brand lists but is not known to own: outside its approved prefixes and not licensed to it. */
    public record UnverifiedGtin(String gtin, String brandId, UUID productId, String sku, String productName,
            String status) {
    }

    private static final String UNVERIFIED = """
            from {h-schema}product_gtin g join {h-schema}product p on p.id = g.product_id
            where not exists (select 1 from {h-schema}brand_company_prefix c
                              where c.brand_id = g.brand_id and c.status = 'APPROVED'
                                and substr(g.gtin, 2, length(c.prefix)) = c.prefix)
              and not exists (select 1 from {h-schema}licensed_gtin l where l.gtin = g.gtin and l.brand_id = g.brand_id)""";

    public List<UnverifiedGtin> unverified(int page, int size) {
        List<Object[]> rows = getEntityManager().createNativeQuery("select g.gtin, g.brand_id, p.id, p.sku, p.name, "
                        + "p.status " + UNVERIFIED + " order by g.brand_id, g.gtin, p.id limit ?1 offset ?2")
                .setParameter(1, size).setParameter(2, (long) page * size).getResultList();
        return rows.stream().map(r -> new UnverifiedGtin(((String) r[0]).trim(), (String) r[1], (UUID) r[2],
                (String) r[3], (String) r[4], (String) r[5])).toList();
    }

    public long unverifiedCount() {
        return ((Number) getEntityManager().createNativeQuery("select count(*) " + UNVERIFIED).getSingleResult())
                .longValue();
    }

    public record GtinOnly(String gtin) {
    }

    public record BrandOnly(String brandId) {
    }
}
