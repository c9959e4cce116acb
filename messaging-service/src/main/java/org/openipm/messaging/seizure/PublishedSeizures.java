package org.openipm.messaging.seizure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openipm.events.seizures.SeizureReported;

/**
 * The seizures this instance's API has just queued on {@code seizure-reported}, as objects, by the SHA-256 of the
 * bytes published. The consumer recognises the API's own records by that hash; it takes the seizure from here instead
 * of reading again the JSON it was written to a moment before, which was the largest single item of its CPU. A cache
 * and nothing more: a record not found here (queued by another instance, before a restart, or delivered again) is
 * read from its bytes, which hold the very same seizure. At most {@link #CAPACITY} are kept, the oldest dropped first.
 */
@ApplicationScoped
public class PublishedSeizures {

    /** About the backlog of a few seconds of bulk posts; each entry is a seizure of a few kilobytes at most. */
    static final int CAPACITY = 20_000;

    private final Map<String, SeizureReported> byPublishedSha256 = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SeizureReported> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A seizure queued in the outbox as the bytes whose SHA-256 is given. */
    public synchronized void queued(String publishedSha256, SeizureReported seizure) {
        byPublishedSha256.put(publishedSha256, seizure);
    }

    /** The seizure published as those bytes, once; empty when it is not (or no longer) kept here. */
    public synchronized Optional<SeizureReported> take(String publishedSha256) {
        return Optional.ofNullable(byPublishedSha256.remove(publishedSha256));
    }
}
