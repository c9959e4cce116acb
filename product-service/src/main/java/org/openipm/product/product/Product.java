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
import org.openipm.events.product.ProductSnapshot.CodePattern;
import org.openipm.events.product.ProductSnapshot.Feature;
import org.openipm.events.product.ProductSnapshot.TacRange;
import org.openipm.events.product.ProductSnapshot.TradePartner;

/**
 * A genuine product as its brand describes it. GTINs live in their own table because lookups and conflict
 * checks search by them; the other parts are read and written with the product as a whole.
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
}
