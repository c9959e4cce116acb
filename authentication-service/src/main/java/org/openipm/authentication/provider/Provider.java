package org.openipm.authentication.provider;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A security solution provider as the registry holds it. The secret is only ever held encrypted here. */
@Entity
@Table(name = "provider")
public class Provider {
    @Id
    public String id;
    public String name;
    @Enumerated(EnumType.STRING)
    public ConnectorType connector;
    public String endpoint;
    public String secretEncrypted;
    public int timeoutMs;
    @Enumerated(EnumType.STRING)
    public ProviderStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> brands = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> gtins = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> codeKinds = new ArrayList<>();
    public Instant createdAt;
    public Instant updatedAt;

    public Coverage coverage() {
        return new Coverage(brands, gtins, codeKinds);
    }
}
