package org.openipm.product.product;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProductChangeRepository implements PanacheRepository<ProductChange> {

    public List<ProductChange> historyOf(UUID productId) {
        return list("productId = ?1 order by id", productId);
    }
}
