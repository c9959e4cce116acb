package org.openipm.product.product;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a product's history: who changed which fields, from what to what. */
@Entity
@Table(name = "product_change")
public class ProductChange {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID productId;
    public long version;
    public String kind;
    public String changedBy;
    public Instant changedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, FieldChange> changes;

    public record FieldChange(Object from, Object to) {
    }
}
