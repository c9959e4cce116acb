package org.openipm.platform.events;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Exactly-once effect on top of at-least-once delivery: a handler calls {@link #firstDelivery} in the same
 * transaction as its effect, so a redelivered event finds its id already recorded and changes nothing.
 */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, ProcessedEvent.Key> {

    /** Records the event as processed; false when it already was (the caller then skips its effect). */
    public boolean firstDelivery(UUID eventId, String consumer) {
        int inserted = getEntityManager().createNativeQuery(
                "insert into {h-schema}processed_event (event_id, consumer, processed_at) values (?1, ?2, now()) "
                        + "on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .executeUpdate();
        return inserted == 1;
    }
}
