package org.openipm.product.domain;

import java.time.Instant;

/** A GS1 company prefix a brand proposed (or an administrator granted), and what was decided about it. */
public record PrefixProposal(String brandId, String prefix, Status status, String proposedBy, Instant proposedAt,
        String decidedBy, Instant decidedAt) {

    public enum Status { PROPOSED, APPROVED, REJECTED }
}
