package org.openipm.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.AlertsStored;
import org.openipm.notification.alert.Recipient;
import org.openipm.notification.alert.Severity;

/**
 * One delivery per enabled subscription of the alert's recipient whose filter matches, in the transaction that
 * stored the alert: the alert and its deliveries commit together or not at all. A transaction's alerts are fanned
 * out together: one query for the subscriptions of all their recipients, one update taking each subscription's
 * sequence numbers (its row locked meanwhile, so its numbers follow the order its alerts were stored in), one insert
 * of all the deliveries.
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

    void onStored(@Observes AlertsStored stored) {
        List<Alert> alerts = stored.alerts();
        Map<Recipient, List<Subscribed>> byOwner = subscriptionsOf(alerts.stream().map(Alert::recipient)
                .distinct().toList());
        if (byOwner.isEmpty()) {
            return;
        }
        List<Match> matches = new ArrayList<>();
        Map<UUID, Integer> counts = new TreeMap<>();
        for (Alert alert : alerts) {
            for (Subscribed subscription : byOwner.getOrDefault(alert.recipient(), List.of())) {
                if (subscription.filter().matches(alert.type(), alert.severity(), alert.facts(), alert.countries())) {
                    matches.add(new Match(subscription, alert));
                    counts.merge(subscription.id(), 1, Integer::sum);
                }
            }
        }
        if (matches.isEmpty()) {
            return;
        }
        Map<UUID, Long> nextSequence = takeSequences(counts);
        Instant now = Instant.now();
        int size = matches.size();
        UUID[] ids = new UUID[size];
        UUID[] subscriptionIds = new UUID[size];
        UUID[] alertIds = new UUID[size];
        Long[] sequences = new Long[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            Match match = matches.get(i);
            UUID subscriptionId = match.subscription().id();
            long sequence = nextSequence.merge(subscriptionId, 1L, Long::sum) - 1;
            ids[i] = DeliveryMessages.deliveryId(subscriptionId, match.alert().id());
            subscriptionIds[i] = subscriptionId;
            alertIds[i] = match.alert().id();
            sequences[i] = sequence;
            payloads[i] = messages.alert(match.alert(), sequence, match.subscription().language(), now);
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into delivery (id, subscription_id, "
                    + "alert_id, kind, sequence, payload, status, attempts, next_attempt_at, created_at) select d.id, "
                    + "d.subscription_id, d.alert_id, 'ALERT', d.sequence, d.payload, 'PENDING', 0, clock_timestamp(), "
                    + "clock_timestamp() from unnest(?, ?, ?, ?, ?) as d(id, subscription_id, alert_id, sequence, "
                    + "payload) on conflict (subscription_id, alert_id) do nothing")) {
                insert.setArray(1, connection.createArrayOf("uuid", ids));
                insert.setArray(2, connection.createArrayOf("uuid", subscriptionIds));
                insert.setArray(3, connection.createArrayOf("uuid", alertIds));
                insert.setArray(4, connection.createArrayOf("bigint", sequences));
                insert.setArray(5, connection.createArrayOf("text", payloads));
                insert.executeUpdate();
            }
        });
        queued.fire(new DeliveriesQueued(size));
    }

    /** The enabled subscriptions of these recipients, in one query. */
    private Map<Recipient, List<Subscribed>> subscriptionsOf(List<Recipient> recipients) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select s.id, s.owner_kind, s.owner_id, s.language, "
                        + "cast(s.alert_types as text), s.min_severity, cast(s.products as text), cast(s.countries as "
                        + "text) from subscription s join unnest(?1, ?2) as r(kind, id) on s.owner_kind = r.kind and "
                        + "s.owner_id = r.id where s.enabled")
                .setParameter(1, recipients.stream().map(r -> r.kind().name()).toArray(String[]::new))
                .setParameter(2, recipients.stream().map(Recipient::id).toArray(String[]::new))
                .getResultList();
        Map<Recipient, List<Subscribed>> byOwner = new HashMap<>();
        for (Object[] row : rows) {
            Recipient owner = new Recipient(Recipient.Kind.valueOf((String) row[1]), (String) row[2]);
            byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(new Subscribed((UUID) row[0],
                    (String) row[3], SubscriptionFilter.of(strings(row[4]), Severity.valueOf((String) row[5]),
                            strings(row[6]), strings(row[7]))));
        }
        return byOwner;
    }

    /**
     * Takes {@code count} sequence numbers for each subscription: its rows are locked in id order first, so two
     * transactions taking numbers of the same subscriptions wait for each other instead of deadlocking, and the numbers
     * follow the order the alerts were stored in.
     *
     * @return each subscription's first number taken
     */
    private Map<UUID, Long> takeSequences(Map<UUID, Integer> counts) {
        UUID[] ids = counts.keySet().toArray(UUID[]::new);
        Long[] taken = counts.values().stream().map(Integer::longValue).toArray(Long[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select id from subscription where id = any(?) "
                    + "order by id for update");
                    PreparedStatement take = connection.prepareStatement("update subscription s set last_sequence = "
                            + "s.last_sequence + c.taken from unnest(?, ?) as c(id, taken) where s.id = c.id "
                            + "returning s.id, s.last_sequence - c.taken + 1")) {
                lock.setArray(1, connection.createArrayOf("uuid", ids));
                lock.executeQuery().close();
                take.setArray(1, connection.createArrayOf("uuid", ids));
                take.setArray(2, connection.createArrayOf("bigint", taken));
                Map<UUID, Long> first = new HashMap<>();
                try (ResultSet rows = take.executeQuery()) {
                    while (rows.next()) {
                        first.put(rows.getObject(1, UUID.class), rows.getLong(2));
                    }
                }
                return first;
            }
        });
    }

    private record Subscribed(UUID id, String language, SubscriptionFilter filter) {
    }

    private record Match(Subscribed subscription, Alert alert) {
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
