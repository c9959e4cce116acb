package org.openipm.product.product;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.brand.BrandAccess;
import org.openipm.product.domain.ProductStatus;

/**
 * {@link BrandAccess} applied to one product, read from its row alone: a caller who may not see the product is told
 * it does not exist, whether it exists or not.
 */
@RequestScoped
public class ProductAccess {

    private final ProductRepository products;
    private final BrandAccess access;

    public ProductAccess(ProductRepository products, BrandAccess access) {
        this.products = products;
        this.access = access;
    }

    /** The product's brand, if the caller manages it (admins and that brand's users). */
    public String requireManaged(UUID productId) {
        return products.ownerOf(productId).filter(owner -> access.manages(owner.brandId()))
                .orElseThrow(() -> ProblemException.notFound("Product " + productId)).brandId();
    }

    /** Those who manage the product, and officers once it is published. */
    public void requireReadable(UUID productId) {
        products.ownerOf(productId)
                .filter(owner -> access.mayRead(owner.brandId(), owner.status() == ProductStatus.PUBLISHED))
                .orElseThrow(() -> ProblemException.notFound("Product " + productId));
    }
}
