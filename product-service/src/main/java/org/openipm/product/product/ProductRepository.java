package org.openipm.product.product;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.openipm.product.domain.ProductStatus;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    public Optional<Product> findBySku(String brandId, String sku) {
        return find("brandId = ?1 and sku = ?2", brandId, sku).firstResultOptional();
    }

    /** Who owns the product and whether it is published: all an access check needs. */
    public Optional<Owner> ownerOf(UUID id) {
        return find("id", id).project(Owner.class).firstResultOptional();
    }

    public record Owner(String brandId, ProductStatus status) {
    }

    /** Code patterns of all the brand's products (any status: a draft can be published without a new check). */
    public long codePatternsOfBrand(String brandId, UUID except) {
        Number count = (Number) getEntityManager().createNativeQuery(
                "select coalesce(sum(jsonb_array_length(code_patterns)), 0) from {h-schema}product where brand_id = ?1"
                        + " and id <> ?2")
                .setParameter(1, brandId).setParameter(2, except == null ? NONE : except).getSingleResult();
        return count.longValue();
    }

    private static final UUID NONE = new UUID(0, 0);
}
