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

    public record GtinOnly(String gtin) {
    }

    public record BrandOnly(String brandId) {
    }
}
