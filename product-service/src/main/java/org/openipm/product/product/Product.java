package org.openipm.product.product;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openipm.product.domain.BrandFacts;
import org.openipm.product.domain.Category;
import org.openipm.product.domain.CodePattern;
import org.openipm.product.domain.Feature;
import org.openipm.product.domain.ProductDetails;
import org.openipm.product.domain.ProductStatus;
import org.openipm.product.domain.TacRange;
import org.openipm.product.domain.TradePartner;

/**
 * A genuine product as its brand describes it: the write model. GTINs live in their own table because lookups and
 * conflict checks search by them, images in theirs because they are large; the other parts are read and written
 * with the product as a whole, as JSON.
 */
@Entity
public class Product {
    @Id
    public UUID id;
    public String brandId;
    public String sku;
    public String name;
    @Enumerated(EnumType.STRING)
    public Category category;
    public String description;
    @Enumerated(EnumType.STRING)
    public ProductStatus status;
    @Version
    public long version;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<TacRange> tacRanges = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CodePattern> codePatterns = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Feature> features = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<TradePartner> tradePartners = new ArrayList<>();
    public Instant createdAt;
    public Instant updatedAt;

    /** The product at its current version, with the parts kept outside this row. */
    public ProductDetails toDetails(BrandFacts brand, List<String> gtins, List<String> verifiedGtins,
            List<String> imageIds) {
        return new ProductDetails(id, brand, sku, name, category, description, status, version, gtins, verifiedGtins,
                tacRanges, codePatterns, features, tradePartners, imageIds, updatedAt);
    }
}
