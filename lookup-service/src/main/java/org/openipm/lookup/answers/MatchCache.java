package org.openipm.lookup.answers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.function.Supplier;
import org.openipm.lookup.LookupSettings;
import org.openipm.lookup.readmodel.ReadModelNotice;

/**
 * Keeps the lookup query's answers in memory so that the codes officers scan again and again cost no database
 * round trip. Exact, not eventually right: every change committed to the shared read model, by any instance, is
 * heard as a {@link ReadModelNotice}, and an answer is served only if nothing it depends on was invalidated after
 * it was read ({@link ChangeLog} decides). While the listener is disconnected nothing is served or kept.
 */
@ApplicationScoped
public class MatchCache {

    /** About 10 MB of change records; beyond, everything is forgotten at once. */
    private static final int MAX_CHANGES_REMEMBERED = 100_000;

    private final ReadModelListener listener;
    private final Cache<MatchKey, Answer> answers;
    private final Duration maxAge;
    private final ChangeLog changes = new ChangeLog(MAX_CHANGES_REMEMBERED);
    private final Counter hits;
    private final Counter misses;
    private final Counter bypassed;

    public MatchCache(ReadModelListener listener, MeterRegistry metrics, LookupSettings settings) {
        this.listener = listener;
        this.maxAge = settings.cache().maxAge();
        // Bounded by the size of the JSON held, not by entries: cards vary from a few hundred chars to many KB.
        this.answers = Caffeine.newBuilder().maximumWeight(settings.cache().maxChars()).weigher(MatchCache::weigh)
                .expireAfterWrite(maxAge).build();
        this.hits = counter(metrics, "hit");
        this.misses = counter(metrics, "miss");
        this.bypassed = counter(metrics, "bypass");
        Gauge.builder("openipm.lookup.cache.chars", answers,
                cache -> cache.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L))
                .description("characters of JSON held by the lookup answers in memory").register(metrics);
    }

    private static Counter counter(MeterRegistry metrics, String result) {
        return Counter.builder("openipm.lookup.cache").tag("result", result)
                .description("lookup answers served from memory (hit), queried then kept (miss), or queried because "
                        + "read model changes were not being heard (bypass)")
                .register(metrics);
    }

    /** The answer for {@code key}: from memory when still current, else from {@code query} (and kept). */
    public Matches matches(MatchKey key, Supplier<Matches> query) {
        if (!listener.isListening()) {
            bypassed.increment();
            return query.get();
        }
        Answer known = answers.getIfPresent(key);
        if (known != null) {
            if (changes.isCurrent(known.readAt(), known.dependencies())) {
                hits.increment();
                return known.matches();
            }
            answers.asMap().remove(key, known);
        }
        misses.increment();
        long readAt = changes.now();
        Matches matches = query.get();
        if (!matches.capped()) {
            // A capped answer's total counts products it does not show, which a later notice may not name (one
            // dropping the GTIN, say): such answers, rare and bounded in size, are not kept.
            answers.put(key, new Answer(matches, readAt, ChangeLog.dependencies(key, matches.rows())));
        }
        return matches;
    }

    void heard(@Observes ReadModelNotice notice) {
        if (changes.heard(notice, System.nanoTime())) {
            answers.invalidateAll();
        }
    }

    /**
     * A change older than the oldest answer still kept cannot make any answer stale: forget it, or the record of
     * changes would grow with every product ever changed. (An answer is written within moments of its read, so a
     * minute's margin is plenty.)
     */
    @Scheduled(every = "60s", delayed = "60s")
    void forgetOldChanges() {
        changes.forgetBefore(System.nanoTime() - maxAge.toNanos() - Duration.ofMinutes(1).toNanos());
    }

    private static int weigh(MatchKey key, Answer answer) {
        long chars = 64;
        for (MatchRow row : answer.matches().rows()) {
            chars += 64L + length(row.cardJson()) + length(row.contactsJson());
        }
        return (int) Math.min(Integer.MAX_VALUE, chars);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private record Answer(Matches matches, long readAt, Object[] dependencies) {
    }
}
