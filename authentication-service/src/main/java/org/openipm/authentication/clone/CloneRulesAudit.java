package org.openipm.authentication.clone;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change of a brand's clone rules. */
@Entity
@Table(name = "clone_rules_audit")
public class CloneRulesAudit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String brandId;
    public String changedBy;
    public Instant changedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public CloneRules before;
    @JdbcTypeCode(SqlTypes.JSON)
    public CloneRules after;
}
