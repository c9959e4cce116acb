package org.openipm.authentication.clone;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A brand's clone rules as stored: one row per brand that set any. */
@Entity
@Table(name = "brand_clone_rules")
public class BrandCloneRules {
    @Id
    public String brandId;
    public Integer maxVerifications;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<UUID, Integer> products = new HashMap<>();
    public String updatedBy;
    public Instant updatedAt;

    public CloneRules rules() {
        return new CloneRules(maxVerifications, products);
    }
}
