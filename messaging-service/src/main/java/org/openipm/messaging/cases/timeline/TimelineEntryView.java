package org.openipm.messaging.cases.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * A timeline entry as a participant reads it.
 *
 * @param actorKind AUTHORITY, BRAND or SYSTEM
 * @param corrects  the entry this one corrects; null for any other entry
 */
public record TimelineEntryView(long id, Instant at, TimelineKind kind, String actorKind, String actorId,
        String summary, Map<String, Object> details, Long corrects) {

    static TimelineEntryView of(TimelineEntry entry) {
        return new TimelineEntryView(entry.id, entry.at, entry.kind, entry.actorKind, entry.actorId, entry.summary,
                entry.details, entry.corrects);
    }
}
