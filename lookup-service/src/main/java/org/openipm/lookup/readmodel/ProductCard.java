package org.openipm.lookup.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.events.product.ProductSnapshot.Feature;
import org.openipm.events.product.ProductSnapshot.TradePartner;

/**
 * What an officer sees of a product, computed once when its snapshot is applied and stored as JSON, so a lookup
 * serves it as is. Covert features are included: this card is only ever shown to officers and admins. Contacts
 * are not part of it because they are filtered per officer's country at lookup time.
 */
public record ProductCard(
        UUID productId,
        Brand brand,
        String sku,
        String name,
        String category,
        String description,
        List<String> imageIds,
        List<Feature> features,
        LegitimateTrade legitimateTrade,
        List<Party> knownInfringers,
        long version,
        Instant changedAt) {

    public record Brand(String id, String name) {
    }

    public record Party(String name, String country) {
    }

    /** Who may lawfully make and move the product: a shipment naming someone else deserves a closer look. */
    public record LegitimateTrade(List<Party> manufacturers, List<Party> exporters, List<Party> importers,
            List<Party> distributors) {
    }

    public static ProductCard of(ProductSnapshot s) {
        List<TradePartner> partners = orEmpty(s.tradePartners());
        return new ProductCard(s.productId(), new Brand(s.brandId(), s.brandName()), s.sku(), s.name(), s.category(),
                s.description(), orEmpty(s.imageIds()), orEmpty(s.features()),
                new LegitimateTrade(role(partners, "MANUFACTURER"), role(partners, "EXPORTER"),
                        role(partners, "IMPORTER"), role(partners, "DISTRIBUTOR")),
                role(partners, "KNOWN_INFRINGER"), s.version(), s.changedAt());
    }

    private static List<Party> role(List<TradePartner> partners, String role) {
        return partners.stream().filter(p -> role.equals(p.role())).map(p -> new Party(p.name(), p.country()))
                .toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
