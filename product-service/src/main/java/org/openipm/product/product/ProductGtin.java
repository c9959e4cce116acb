package org.openipm.product.product;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One GTIN (14 digits) a product carries. */
@Entity
@Table(name = "product_gtin")
@IdClass(ProductGtin.Key.class)
public class ProductGtin {
    @Id
    public UUID productId;
    @Id
    public String gtin;
    public String brandId;

    public static ProductGtin of(UUID productId, String brandId, String gtin) {
        ProductGtin row = new ProductGtin();
        row.productId = productId;
        row.brandId = brandId;
        row.gtin = gtin;
        return row;
    }

    public record Key(UUID productId, String gtin) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
