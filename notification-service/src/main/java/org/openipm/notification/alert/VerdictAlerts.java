package org.openipm.notification.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.events.authentication.AuthenticationCompleted;

/**
 * Which alerts a verdict makes. A counterfeit, a suspect mark or a probable clone concerns the brand whose product
 * it is (when known) and the officer's authority, who asked; genuine, unknown and failed checks alert nobody.
 */
public final class VerdictAlerts {

    private VerdictAlerts() {
    }

    public static List<Alert> of(UUID sourceEventId, AuthenticationCompleted verdict) {
        AlertType type = verdict.probableClone() ? AlertType.PROBABLE_CLONE : switch (verdict.verdict()) {
            case "COUNTERFEIT" -> AlertType.COUNTERFEIT_VERDICT;
            case "SUSPECT" -> AlertType.SUSPECT_VERDICT;
            default -> null;
        };
        if (type == null) {
            return List.of();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("verdict", verdict.verdict());
        putIfKnown(facts, "productId", verdict.productId());
        putIfKnown(facts, "gtin", verdict.gtin());
        putIfKnown(facts, "serial", verdict.serial());
        putIfKnown(facts, "provider", verdict.providerId());
        putIfKnown(facts, "country", verdict.country());
        List<String> brands = verdict.brandId() == null ? List.of() : List.of(verdict.brandId());
        List<String> countries = verdict.country() == null ? List.of() : List.of(verdict.country());
        String link = "/api/v1/authentications/" + verdict.requestId();
        Instant at = verdict.completedAt();
        List<Alert> alerts = new ArrayList<>(2);
        if (verdict.brandId() != null) {
            // The brand cannot open the officer's request; its product is what it can look at.
            String productLink = verdict.productId() == null ? null : "/api/v1/products/" + verdict.productId();
            alerts.add(Alert.of(type, Recipient.brand(verdict.brandId()), brands, countries, facts, productLink,
                    sourceEventId, at));
        }
        alerts.add(Alert.of(type, Recipient.authority(verdict.authority()), brands, countries, facts, link,
                sourceEventId, at));
        return alerts;
    }

    private static void putIfKnown(Map<String, String> facts, String name, Object value) {
        if (value != null) {
            facts.put(name, value.toString());
        }
    }
}
