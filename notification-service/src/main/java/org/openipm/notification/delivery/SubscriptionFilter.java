package org.openipm.notification.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openipm.notification.alert.AlertType;
import org.openipm.notification.alert.Severity;

/**
 * Which of its owner's alerts a subscription receives. Each list narrows: an empty one lets everything through; a
 * non-empty one needs the alert to name one of its entries (an alert about no product passes no product filter).
 *
 * @param products product ids, matched against the alert's {@code productId} fact
 * @param countries ISO 3166 alpha-2 codes, matched against the alert's countries
 */
public record SubscriptionFilter(Set<AlertType> types, Severity minimumSeverity, Set<String> products,
        Set<String> countries) {

    public SubscriptionFilter {
        types = Set.copyOf(types);
        products = Set.copyOf(products);
        countries = Set.copyOf(countries);
    }

    public static SubscriptionFilter of(Collection<String> types, Severity minimumSeverity, Collection<String> products,
            Collection<String> countries) {
        return new SubscriptionFilter(types.stream().map(AlertType::valueOf).collect(java.util.stream.Collectors.toSet()),
                minimumSeverity, Set.copyOf(products), Set.copyOf(countries));
    }

    public boolean matches(AlertType type, Severity severity, Map<String, String> facts, List<String> alertCountries) {
        return (types.isEmpty() || types.contains(type))
                && severity.atLeast(minimumSeverity)
                && (products.isEmpty() || facts.containsKey("productId") && products.contains(facts.get("productId")))
                && (countries.isEmpty() || alertCountries.stream().anyMatch(countries::contains));
    }
}
