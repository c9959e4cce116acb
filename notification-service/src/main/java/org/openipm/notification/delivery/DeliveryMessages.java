package org.openipm.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.notification.NameBasedIds;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.AlertTexts;
import org.openipm.notification.alert.AlertType;
import org.openipm.notification.alert.Severity;

/**
 * The body of a delivery, the same for every channel and every retry: the Standard Webhooks payload shape
 * ({@code type}, {@code timestamp}, {@code data}) with the subscription's {@code sequence} number beside it.
 */
@ApplicationScoped
public class DeliveryMessages {

    public static final String ALERT = "alert.created";
    public static final String TEST = "test";

    private final ObjectMapper json;

    public DeliveryMessages(ObjectMapper json) {
        this.json = json;
    }

    /** The message id the receiver sees ({@code webhook-id}): one per (subscription, alert), so retries reuse it. */
    public static UUID deliveryId(UUID subscriptionId, UUID alertId) {
        return NameBasedIds.of(subscriptionId + "|" + alertId);
    }

    public static String messageId(UUID deliveryId) {
        return "msg_" + deliveryId.toString().replace("-", "");
    }

    String alert(Alert alert, long sequence, String language, Instant now) {
        return write(new Message(ALERT, now, sequence, new AlertData(alert.id(), alert.type(), alert.severity(),
                AlertTexts.summary(alert, language), alert.brands(), alert.countries(), alert.facts(), alert.link(),
                alert.sourceEventId(), alert.occurredAt())));
    }

    String test(UUID subscriptionId, long sequence, Instant now) {
        return write(new Message(TEST, now, sequence, Map.of("subscriptionId", subscriptionId.toString(),
                "summary", "OpenIPM test event: this endpoint receives and verifies the subscription's deliveries")));
    }

    Message read(String payload) {
        try {
            return json.readValue(payload, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored delivery does not read back", e);
        }
    }

    private String write(Message message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A delivery message always writes", e);
        }
    }

    /** What every channel sends. */
    public record Message(String type, Instant timestamp, long sequence, Map<String, Object> data) {

        Message(String type, Instant timestamp, long sequence, AlertData data) {
            this(type, timestamp, sequence, data.asMap());
        }

        String summary() {
            return String.valueOf(data.getOrDefault("summary", ""));
        }

        String link() {
            Object link = data.get("link");
            return link == null ? null : link.toString();
        }
    }

    /** The alert as a subscriber receives it: summary in the subscription's language, source event and time. */
    record AlertData(UUID id, AlertType type, Severity severity, String summary, List<String> brands,
            List<String> countries, Map<String, String> facts, String link, UUID sourceEventId, Instant occurredAt) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            map.put("id", id.toString());
            map.put("type", type.name());
            map.put("severity", severity.name());
            map.put("summary", summary);
            map.put("brands", brands);
            map.put("countries", countries);
            map.put("facts", facts);
            map.put("link", link);
            map.put("sourceEventId", sourceEventId.toString());
            map.put("occurredAt", occurredAt.toString());
            return map;
        }
    }
}
