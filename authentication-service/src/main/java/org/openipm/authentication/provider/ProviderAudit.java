package org.openipm.authentication.provider;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change of what a provider covers or whether it is asked at all. */
@Entity
@Table(name = "provider_audit")
public class ProviderAudit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String providerId;
    public String changedBy;
    public Instant changedAt;
    public String change;
    @JdbcTypeCode(SqlTypes.JSON)
    public AuditedState before;
    @JdbcTypeCode(SqlTypes.JSON)
    public AuditedState after;

    /** The audited part of a provider: never its secret or endpoint credentials. */
    public record AuditedState(ProviderStatus status, Coverage coverage) {
    }
}
