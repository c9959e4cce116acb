package org.openipm.product.brand;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.openipm.product.domain.PrefixProposal;

/** A GS1 company prefix a brand proposed, and what an administrator decided about it. */
@Entity
@Table(name = "brand_company_prefix")
@IdClass(CompanyPrefix.Key.class)
public class CompanyPrefix {
    @Id
    public String brandId;
    @Id
    public String prefix;
    @Enumerated(EnumType.STRING)
    public PrefixProposal.Status status;
    public String proposedBy;
    public Instant proposedAt;
    public String decidedBy;
    public Instant decidedAt;

    public PrefixProposal proposal() {
        return new PrefixProposal(brandId, prefix, status, proposedBy, proposedAt, decidedBy, decidedAt);
    }

    public record Key(String brandId, String prefix) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
