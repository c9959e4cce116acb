package org.openipm.product.brand;

import java.time.Instant;
import org.openipm.product.domain.PrefixProposal;

public record PrefixRequestView(String brandId, String prefix, String status, String proposedBy, Instant proposedAt,
        String decidedBy, Instant decidedAt) {

    static PrefixRequestView of(PrefixProposal p) {
        return new PrefixRequestView(p.brandId(), p.prefix(), p.status().name(), p.proposedBy(), p.proposedAt(),
                p.decidedBy(), p.decidedAt());
    }
}
