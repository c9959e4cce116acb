package org.openipm.notification.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openipm.events.seizures.SeizureInfringerMatched;
import org.openipm.events.seizures.SeizureMatched;

/**
 * Which alerts a matched seizure makes: one for each brand whose verified goods were seized, with its own
 * quantities and value only (a seizure often holds several brands' goods, and no brand learns of another's). The
 * link is the case when the seizure joined one, else the brand's seizure statistics, which count it.
 */
public final class SeizureAlerts {

    static final String STATISTICS_LINK = "/api/v1/statistics/seizures?groupBy=country";
    static final String INFRINGER_MATCHES_LINK = "/api/v1/seizures/%s/infringer-matches";

    private SeizureAlerts() {
    }

    public static List<Alert> of(UUID sourceEventId, SeizureMatched matched) {
        List<String> countries = Stream.of(matched.country(), matched.originCountry()).filter(Objects::nonNull)
                .distinct().toList();
        String link = matched.caseId() == null ? STATISTICS_LINK : CaseLinks.of(matched.caseId());
        Set<String> alerted = new LinkedHashSet<>();
        List<Alert> alerts = new ArrayList<>(matched.brands().size());
        for (SeizureMatched.Brand brand : matched.brands()) {
            if (!alerted.add(brand.brandId())) {
                continue;
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("seizureId", matched.seizureId().toString());
            facts.put("brand", brand.brandId());
            facts.put("country", matched.country());
            putIfKnown(facts, "office", matched.office());
            putIfKnown(facts, "transportMode", matched.transportMode());
            putIfKnown(facts, "originCountry", matched.originCountry());
            facts.put("seizedOn", matched.seizedOn().toString());
            facts.put("goods", quantitiesOf(brand.quantities()));
            if (brand.values() != null && !brand.values().isEmpty()) {
                facts.put("value", valuesOf(brand.values()));
            }
            if (matched.caseId() != null) {
                facts.put("caseId", matched.caseId().toString());
            }
            alerts.add(Alert.of(AlertType.SEIZURE_MATCHED, Recipient.brand(brand.brandId()),
                    List.of(brand.brandId()), countries, facts, link, sourceEventId, matched.matchedAt()));
        }
        return alerts;
    }

    /**
     * The alert of a seizure whose consignor or seller one brand listed as a known infringer: for that brand only,
     * naming its own entries (the record carries no other brand's).
     */
    public static Alert of(UUID sourceEventId, SeizureInfringerMatched matched) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("seizureId", matched.seizureId().toString());
        facts.put("brand", matched.brandId());
        facts.put("country", matched.country());
        facts.put("seizedOn", matched.seizedOn().toString());
        facts.put("matches", Integer.toString(matched.matches().size()));
        facts.put("listed", matched.matches().stream().map(m -> m.kind() + " " + m.listed())
                .collect(Collectors.joining("; ")));
        return Alert.of(AlertType.SEIZURE_INFRINGER_MATCHED, Recipient.brand(matched.brandId()),
                List.of(matched.brandId()), List.of(matched.country()), facts,
                INFRINGER_MATCHES_LINK.formatted(matched.seizureId()), sourceEventId, matched.matchedAt());
    }

    /** "300 pieces; 12.5 kg": per unit, never added across units. */
    static String quantitiesOf(List<SeizureMatched.Quantity> quantities) {
        if (quantities == null) {
            return "";
        }
        return quantities.stream().map(q -> amount(q.quantity()) + " " + q.unit()).collect(Collectors.joining("; "));
    }

    /** "1200 EUR; 300 USD": per currency, never converted. */
    static String valuesOf(List<SeizureMatched.Amount> values) {
        return values.stream().map(v -> amount(v.amount()) + " " + v.currency()).collect(Collectors.joining("; "));
    }

    private static String amount(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void putIfKnown(Map<String, String> facts, String name, String value) {
        if (value != null) {
            facts.put(name, value);
        }
    }
}
