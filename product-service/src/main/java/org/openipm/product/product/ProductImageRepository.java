package org.openipm.product.product;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProductImageRepository implements PanacheRepositoryBase<ProductImage, UUID> {

    public List<String> idsOf(UUID productId) {
        return getEntityManager()
                .createQuery("select i.id from ProductImage i where i.productId = ?1 order by i.createdAt", UUID.class)
                .setParameter(1, productId).getResultList().stream().map(UUID::toString).toList();
    }
}
