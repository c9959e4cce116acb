package org.openipm.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The events this instance has just committed, handed by {@link Outbox} to {@link OutboxRelay} in memory: the relay
 * then reads only the ids of the pending rows, not their payloads again (sending back what was written a moment
 * before was its largest read). A cache and nothing more. The relay publishes only rows it read from the table, and
 * reads the payload of any row it does not find here (committed by another instance, written before a restart,
 * dropped from here). Events are kept only while this instance relays, and at most {@link #CAPACITY} of them.
 */
@ApplicationScoped
public class CommittedEvents {

    /** Enough for a few relay batches; beyond it the relay reads payloads from the table as before. */
    static final int CAPACITY = 10_000;

    /** A committed row as the relay publishes it. */
    record Event(long id, UUID eventId, String topic, String key, String type, String payload, Instant occurredAt) {
    }

    private final TreeMap<Long, Event> byId = new TreeMap<>();
    private volatile boolean kept;

    /** Whether this instance relays: only then are events kept (and they are dropped when it stops relaying). */
    synchronized void keep(boolean relaying) {
        kept = relaying;
        if (!relaying) {
            byId.clear();
        }
    }

    /** Events whose transaction has committed. */
    void committed(Collection<Event> events) {
        if (!kept) {
            return;
        }
        synchronized (this) {
            if (byId.size() + events.size() > CAPACITY) {
                return;
            }
            events.forEach(event -> byId.put(event.id(), event));
        }
    }

    synchronized boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The events kept among those ids; the others must be read from the table. */
    synchronized Map<Long, Event> find(Collection<Long> ids) {
        Map<Long, Event> found = new TreeMap<>();
        for (Long id : ids) {
            Event event = byId.get(id);
            if (event != null) {
                found.put(id, event);
            }
        }
        return found;
    }

    /**
     * Forgets the events of a relay batch, and those below the oldest row it read: they were relayed (by this
     * instance or another one) or deleted. One that committed just after the relay read the table would be forgotten
     * too and read from the table at the next cycle: never lost, only read once more.
     */
    synchronized void relayed(Collection<Long> ids, long oldestPending) {
        ids.forEach(byId::remove);
        byId.headMap(oldestPending).clear();
    }
}
