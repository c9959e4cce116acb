package org.openipm.product.product;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProductGtinRepository implements PanacheRepositoryBase<ProductGtin, ProductGtin.Key> {

    public List<String> gtinsOf(UUID productId) {
        return find("productId = ?1 order by gtin", productId).project(GtinOnly.class).list()
                .stream().map(GtinOnly::gtin).toList();
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

    public record GtinOnly(String gtin) {
    }

    public record BrandOnly(String brandId) {
    }
}
