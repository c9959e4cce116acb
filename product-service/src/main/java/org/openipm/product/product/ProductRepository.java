package org.openipm.product.product;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    public Optional<Product> findBySku(String brandId, String sku) {
        return find("brandId = ?1 and sku = ?2", brandId, sku).firstResultOptional();
    }
}
