package org.openipm.product.product;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ProductImageRepository implements PanacheRepositoryBase<ProductImage, UUID> {

    /** Image ids of every product of the brand, in upload order (one query). */
    public Map<UUID, List<String>> idsOfBrand(String brandId) {
        Map<UUID, List<String>> byProduct = new HashMap<>();
        getEntityManager().createQuery("select i.productId, i.id from ProductImage i where i.productId in "
                        + "(select p.id from Product p where p.brandId = ?1) order by i.createdAt", Object[].class)
                .setParameter(1, brandId).getResultList()
                .forEach(row -> byProduct.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                        .add(row[1].toString()));
        return byProduct;
    }

    public List<String> idsOf(UUID productId) {
        return getEntityManager()
                .createQuery("select i.id from ProductImage i where i.productId = ?1 order by i.createdAt", UUID.class)
                .setParameter(1, productId).getResultList().stream().map(UUID::toString).toList();
    }
}
