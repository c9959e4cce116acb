package org.openipm.product.infringer;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One entry of a brand's list of known infringers, with the brand's evidence. */
@Entity
public class Infringer {
    @Id
    public UUID id;
    public String brandId;
    @Enumerated(EnumType.STRING)
    public InfringerKind kind;
    public String value;
    public String country;
    public String evidence;
    /** 1 when listed, one more per change; the published records carry it. */
    public long version;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public String updatedBy;
}
