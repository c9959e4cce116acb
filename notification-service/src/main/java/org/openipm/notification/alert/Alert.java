package org.openipm.notification.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.notification.NameBasedIds;

/**
 * One alert for one recipient. Its id is derived from the source event and the recipient, so the same source event
 * delivered twice makes the same alert, which the store keeps once: the effect of a source event is exactly once
 * per recipient whatever Kafka redelivers.
 *
 * @param facts what the summary and the subscription filters use (product, GTIN, verdict, provider, ...)
 * @param link the object the alert is about, as a path of the platform's API
 */
public record Alert(UUID id, AlertType type, Severity severity, Recipient recipient, List<String> brands,
        List<String> countries, Map<String, String> facts, String link, UUID sourceEventId, Instant occurredAt) {

    public Alert {
        brands = List.copyOf(brands);
        countries = List.copyOf(countries);
        facts = Map.copyOf(facts);
    }

    public static UUID idFor(UUID sourceEventId, AlertType type, Recipient recipient) {
        return NameBasedIds.of(sourceEventId + "|" + type + "|" + recipient);
    }

    public static Alert of(AlertType type, Recipient recipient, List<String> brands, List<String> countries,
            Map<String, String> facts, String link, UUID sourceEventId, Instant occurredAt) {
        return new Alert(idFor(sourceEventId, type, recipient), type, type.severity(), recipient, brands, countries,
                facts, link, sourceEventId, occurredAt);
    }
}
