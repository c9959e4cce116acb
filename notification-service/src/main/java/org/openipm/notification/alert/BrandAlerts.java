package org.openipm.notification.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The alerts a brand's alert to officers makes: one per target country and authority type, addressed to that
 * audience, so every officer whose token places it there reads it and nobody else does.
 */
public final class BrandAlerts {

    private BrandAlerts() {
    }

    /** @param id the brand alert's id, the alerts' source */
    public static List<Alert> of(UUID id, String brand, BrandAlertRequest request, Instant at) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("brand", brand);
        facts.put("kind", request.kind());
        facts.put("text", request.text());
        if (!request.productIdsOrNone().isEmpty()) {
            facts.put("productIds", request.productIdsOrNone().stream().map(UUID::toString)
                    .collect(Collectors.joining(",")));
        }
        if (!request.photoUrlsOrNone().isEmpty()) {
            facts.put("photoUrls", String.join(" ", request.photoUrlsOrNone()));
        }
        String link = request.productIdsOrNone().isEmpty() ? null
                : "/api/v1/products/" + request.productIdsOrNone().get(0);
        List<Alert> alerts = new ArrayList<>();
        for (String country : request.targetCountries()) {
            for (String type : request.authorityTypes()) {
                Map<String, String> addressed = new LinkedHashMap<>(facts);
                addressed.put("authorityType", type);
                alerts.add(Alert.of(AlertType.BRAND_ALERT, Recipient.audience(country, AuthorityType.valueOf(type)),
                        List.of(brand), List.of(country), addressed, link, id, at));
            }
        }
        return alerts;
    }
}
