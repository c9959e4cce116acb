package org.openipm.messaging.operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.openipm.messaging.statistics.SeizureStatisticsView;

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
    public record Results(UUID operationId, String groupBy, long seizures, long cases, List<Group> groups) {
    }

    /** One group of the results: quantities per unit and values per currency, never added across. */
    public record Group(String key, long seizures, Map<String, Double> quantities, Map<String, Double> values) {

        static Group of(SeizureStatisticsView.Group counted) {
            Map<String, Double> quantities = new TreeMap<>();
            counted.quantities().forEach(q -> quantities.put(q.unit(), q.quantity()));
            Map<String, Double> values = new TreeMap<>();
            counted.values().forEach(v -> values.put(v.currency(), v.amount()));
            return new Group(counted.key(), counted.seizures(), quantities, values);
        }
    }
}
