package org.openipm.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.AlertStored;
import org.openipm.notification.alert.Severity;

/**
 * One delivery per enabled subscription of the alert's recipient whose filter matches, in the transaction that
 * stored the alert: the alert and its deliveries commit together or not at all. A subscription's row is locked
 * while its next sequence number is taken, so its numbers follow the order its alerts were stored in.
 */
@ApplicationScoped
public class DeliveryFanOut {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final DeliveryMessages messages;
    private final ObjectMapper json;
    private final Event<DeliveriesQueued> queued;

    public DeliveryFanOut(EntityManager entityManager, DeliveryMessages messages, ObjectMapper json,
            Event<DeliveriesQueued> queued) {
        this.entityManager = entityManager;
        this.messages = messages;
        this.json = json;
        this.queued = queued;
    }

    void onStored(@Observes AlertStored stored) {
        Alert alert = stored.alert();
        @SuppressWarnings("unchecked")
        List<Object[]> subscriptions = entityManager.createNativeQuery("select id, language, cast(alert_types as "
                        + "text), min_severity, cast(products as text), cast(countries as text) from subscription "
                        + "where owner_kind = ?1 and owner_id = ?2 and enabled")
                .setParameter(1, alert.recipient().kind().name()).setParameter(2, alert.recipient().id())
                .getResultList();
        int count = 0;
        for (Object[] row : subscriptions) {
            SubscriptionFilter filter = SubscriptionFilter.of(strings(row[2]), Severity.valueOf((String) row[3]),
                    strings(row[4]), strings(row[5]));
            if (filter.matches(alert.type(), alert.severity(), alert.facts(), alert.countries())) {
                UUID subscriptionId = (UUID) row[0];
                long sequence = nextSequence(subscriptionId);
                insert(subscriptionId, alert.id(), "ALERT", sequence,
                        messages.alert(alert, sequence, (String) row[1], Instant.now()));
                count++;
            }
        }
        if (count > 0) {
            queued.fire(new DeliveriesQueued(count));
        }
    }

    /** A test event for the subscription (its own delivery, sent and retried like any other). */
    public UUID test(UUID subscriptionId) {
        UUID alertId = UUID.randomUUID(); // no alert behind it: each call is a delivery of its own
        long sequence = nextSequence(subscriptionId);
        insert(subscriptionId, alertId, "TEST", sequence, messages.test(subscriptionId, sequence, Instant.now()));
        queued.fire(new DeliveriesQueued(1));
        return DeliveryMessages.deliveryId(subscriptionId, alertId);
    }

    private long nextSequence(UUID subscriptionId) {
        return ((Number) entityManager.createNativeQuery("update subscription set last_sequence = last_sequence + 1 "
                + "where id = ?1 returning last_sequence").setParameter(1, subscriptionId).getSingleResult())
                .longValue();
    }

    private void insert(UUID subscriptionId, UUID alertId, String kind, long sequence, String payload) {
        entityManager.createNativeQuery("insert into delivery (id, subscription_id, alert_id, kind, sequence, payload, "
                        + "status, attempts, next_attempt_at, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', 0, "
                        + "clock_timestamp(), clock_timestamp()) on conflict (subscription_id, alert_id) do nothing")
                .setParameter(1, DeliveryMessages.deliveryId(subscriptionId, alertId)).setParameter(2, subscriptionId)
                .setParameter(3, alertId).setParameter(4, kind).setParameter(5, sequence).setParameter(6, payload)
                .executeUpdate();
    }

    private List<String> strings(Object jsonArray) {
        try {
            return json.readValue((String) jsonArray, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A subscription's filter does not read", e);
        }
    }
}
