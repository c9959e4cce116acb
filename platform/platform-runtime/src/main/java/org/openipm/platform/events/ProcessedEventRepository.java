package org.openipm.platform.events;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Exactly-once effect on top of at-least-once delivery: a handler calls {@link #firstDelivery} in the same
 * transaction as its effect, so a redelivered event finds its id already recorded and changes nothing.
 */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, ProcessedEvent.Key> {

    /** Records the event as processed; false when it already was (the caller then skips its effect). */
    public boolean firstDelivery(UUID eventId, String consumer) {
        return !firstDeliveries(List.of(eventId), consumer).isEmpty();
    }

    /**
     * Records a batch of events as processed in one statement; returns those delivered for the first time (an id
     * repeated in the batch counts once).
     */
    public Set<UUID> firstDeliveries(Collection<UUID> eventIds, String consumer) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        // One array parameter (Hibernate binds a Java array as a JDBC array, createArrayOf), however many ids.
        @SuppressWarnings("unchecked")
        List<UUID> inserted = getEntityManager().createNativeQuery(
                "insert into {h-schema}processed_event (event_id, consumer, processed_at) "
                        + "select id, ?2, now() from unnest(cast(?1 as uuid[])) as id "
                        + "on conflict do nothing returning event_id", UUID.class)
                .setParameter(1, eventIds.toArray(UUID[]::new))
                .setParameter(2, consumer)
                .getResultList();
        return new HashSet<>(inserted);
    }
}
