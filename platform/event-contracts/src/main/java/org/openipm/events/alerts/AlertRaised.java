package org.openipm.events.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An alert for a brand, on that brand's own topic {@code alerts.<brand id>}: exactly the alerts the brand reads in
 * notification-service, never one about another brand's goods. Keyed by alert id: a consumer that sees an
 * {@code alertId} twice has seen the same alert.
 *
 * @param alertId the alert, stable across redeliveries of its source
 * @param type what it is about: COUNTERFEIT_VERDICT, SUSPECT_VERDICT, PROBABLE_CLONE, SHIPMENT_FLAGGED,
 *     CASE_INVITATION, CASE_LINKED, CASE_MESSAGE, CASE_STATUS_CHANGED, DEADLINE_APPROACHING, DEADLINE_MISSED, ...
 * @param severity INFO, WARNING or CRITICAL
 * @param brandId the brand whose topic this is
 * @param brands the brands the alert names (only this brand)
 * @param countries the countries concerned, ISO 3166-1 alpha-2
 * @param facts what the alert says, by name (case id, GTIN, goods, status, deadline, ...)
 * @param summary one line in English
 * @param link the object it is about, as a path of the platform's API, or null
 * @param sourceEventId the event it comes from
 * @param occurredAt when that happened
 */
public record AlertRaised(
        UUID alertId,
        String type,
        String severity,
        String brandId,
        List<String> brands,
        List<String> countries,
        Map<String, String> facts,
        String summary,
        String link,
        UUID sourceEventId,
        Instant occurredAt) {
}
