package org.openipm.messaging.operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An operation as a participant reads it; a brand sees itself among the brands, never the other brands. */
public record OperationView(UUID id, String name, LocalDate startsOn, LocalDate endsOn, String leadAuthority,
        List<String> authorities, List<String> brands, List<String> targetGoods,
        List<OperationRequest.Route> targetRoutes, String createdBy, Instant createdAt, Instant updatedAt) {

    static OperationView of(Operation o, java.util.Optional<String> viewingBrand) {
        List<String> brands = viewingBrand.map(List::of).orElse(o.brands);
        return new OperationView(o.id, o.name, o.startsOn, o.endsOn, o.leadAuthority, o.authorities, brands,
                o.targetGoods, o.targetRoutes, viewingBrand.isPresent() ? null : o.createdBy, o.createdAt,
                o.updatedAt);
    }

    /** The results of one grouping; {@code cases}: the operation's cases the viewer takes part in (all for authorities). */
    public record Results(UUID operationId, String groupBy, long seizures, long cases,
            List<OperationResults.Group> groups) {
    }
}
