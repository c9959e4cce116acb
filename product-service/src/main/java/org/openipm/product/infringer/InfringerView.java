package org.openipm.product.infringer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An entry as its brand and administrators read it. */
public record InfringerView(UUID id, String brandId, InfringerKind kind, String value, String country,
        String evidence, long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    static InfringerView of(Infringer e) {
        return new InfringerView(e.id, e.brandId, e.kind, e.value, e.country, e.evidence, e.version, e.createdAt,
                e.createdBy, e.updatedAt, e.updatedBy);
    }

    public record Page(List<InfringerView> items, int page, int size, long total, int limit) {
    }
}
