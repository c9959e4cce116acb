package org.openipm.authentication.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openipm.events.product.ProductSnapshot;

/**
 * This service's copy of the catalogue: which published product and brand a verified GTIN designates. Only the
 * snapshot's {@code verifiedGtins} count, so a brand merely claiming a GTIN cannot draw other brands' scans (and
 * their providers' answers) to itself.
 */
@ApplicationScoped
public class CatalogueRepository {

    private final EntityManager entityManager;

    public CatalogueRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Applies a snapshot newer than the one held; a draft or retired product designates nothing any more. */
    public void apply(ProductSnapshot snapshot) {
        boolean published = "PUBLISHED".equals(snapshot.status());
        int changed = entityManager.createNativeQuery("insert into catalogue_product (product_id, brand_id, version, "
                        + "published) values (?1, ?2, ?3, ?4) on conflict (product_id) do update set "
                        + "brand_id = excluded.brand_id, version = excluded.version, published = excluded.published "
                        + "where catalogue_product.version < excluded.version")
                .setParameter(1, snapshot.productId()).setParameter(2, snapshot.brandId())
                .setParameter(3, snapshot.version()).setParameter(4, published).executeUpdate();
        if (changed == 0) {
            return;
        }
        entityManager.createNativeQuery("delete from catalogue_gtin where product_id = ?1")
                .setParameter(1, snapshot.productId()).executeUpdate();
        if (!published) {
            return;
        }
        for (String gtin : snapshot.gtins()) {
            if (snapshot.verifies(gtin)) {
                entityManager.createNativeQuery("insert into catalogue_gtin (gtin, product_id, brand_id) "
                                + "values (?1, ?2, ?3) on conflict do nothing")
                        .setParameter(1, gtin).setParameter(2, snapshot.productId())
                        .setParameter(3, snapshot.brandId()).executeUpdate();
            }
        }
    }

    /** The published product a verified GTIN designates (the oldest registered one when a brand has several). */
    public Optional<CatalogueEntry> byGtin(String gtin) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select product_id, brand_id from catalogue_gtin "
                + "where gtin = ?1 order by brand_id, product_id limit 1").setParameter(1, gtin).getResultList();
        return rows.stream().findFirst().map(row -> new CatalogueEntry((UUID) row[0], (String) row[1]));
    }

    public Optional<CatalogueEntry> byProduct(UUID productId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery("select brand_id from catalogue_product "
                + "where product_id = ?1 and published").setParameter(1, productId).getResultList();
        return rows.stream().findFirst().map(brand -> new CatalogueEntry(productId, (String) brand));
    }

    /** Those of {@code productIds} that belong to the brand (published or not). */
    public Set<UUID> productsOfBrand(String brandId, Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> own = entityManager.createNativeQuery("select product_id from catalogue_product "
                + "where brand_id = ?1 and product_id = any(?2)", UUID.class)
                .setParameter(1, brandId).setParameter(2, productIds.toArray(UUID[]::new)).getResultList();
        return Set.copyOf(own);
    }

    public record CatalogueEntry(UUID productId, String brandId) {
    }
}
