package org.openipm.notification.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openipm.events.product.ProductSnapshot;

/**
 * Which brand each product belongs to (table {@code catalogue_product}), from {@code product-events}: what a brand's
 * alert to officers may name is its own products only, checked without asking product-service.
 */
@ApplicationScoped
public class BrandProducts {

    private final EntityManager entityManager;

    public BrandProducts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Keeps the snapshot unless a newer version of the product is already held. */
    public void apply(ProductSnapshot snapshot) {
        entityManager.createNativeQuery("insert into catalogue_product (product_id, brand_id, version) "
                        + "values (?1, ?2, ?3) on conflict (product_id) do update set brand_id = excluded.brand_id, "
                        + "version = excluded.version where catalogue_product.version < excluded.version")
                .setParameter(1, snapshot.productId()).setParameter(2, snapshot.brandId())
                .setParameter(3, snapshot.version()).executeUpdate();
    }

    /** The ones among {@code productIds} that are the brand's. */
    public Set<UUID> ownedBy(String brand, List<UUID> productIds) {
        if (productIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> owned = entityManager.createNativeQuery("select product_id from catalogue_product "
                        + "where brand_id = ?1 and product_id = any(?2)")
                .setParameter(1, brand).setParameter(2, productIds.toArray(UUID[]::new)).getResultList();
        return new HashSet<>(owned);
    }
}
