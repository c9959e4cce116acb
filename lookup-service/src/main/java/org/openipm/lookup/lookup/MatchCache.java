package org.openipm.lookup.lookup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.openipm.lookup.LookupSettings;
import org.openipm.lookup.readmodel.ReadModelListener;
import org.openipm.lookup.readmodel.ReadModelNotice;

/**
 * Keeps the lookup query's answers in memory so that the codes officers scan again and again cost no database
 * round trip. Exact, not eventually right: every change committed to the shared read model, by any instance, is
 * heard as a {@link ReadModelNotice}, and an answer is served only if nothing it depends on was invalidated after
 * it was read.
 *
 * <p>How: a counter is bumped by every notice, and each notice records the counter value against what it touched
 * (the product id, each GTIN it claims, "some TAC range" when it has any). An answer remembers the counter value
 * from before its query ran and what it depends on (its key's GTIN, TAC, and every product it shows); it is stale
 * as soon as one of those was touched at a later value. Reading the counter before the query closes the race with
 * a change committing during the query. While the listener is disconnected nothing is served or kept.
 */
@ApplicationScoped
public class MatchCache {

    /** Stands for every IMEI answer: a TAC range change may concern any of them, and such changes are rare. */
    private static final Object ANY_TAC = new Object();
    /** About 10 MB of change records; beyond, everything is forgotten at once (see heard). */
    private static final int MAX_CHANGES_REMEMBERED = 100_000;

    private final ReadModelListener listener;
    private final Cache<MatchKey, Answer> answers;
    private final Duration maxAge;
    private final AtomicLong changeCounter = new AtomicLong();
    private final Map<Object, Touched> touched = new ConcurrentHashMap<>();
    private volatile long everythingTouchedAt;
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
    LookupRepository.Matches matches(MatchKey key, Supplier<LookupRepository.Matches> query) {
        if (!listener.isListening()) {
            bypassed.increment();
            return query.get();
        }
        Answer known = answers.getIfPresent(key);
        if (known != null) {
            if (isCurrent(known)) {
                hits.increment();
                return known.matches();
            }
            answers.asMap().remove(key, known);
        }
        misses.increment();
        long readAt = changeCounter.get();
        LookupRepository.Matches matches = query.get();
        if (!matches.capped()) {
            // A capped answer's total counts products it does not show, which a later notice may not name (one
            // dropping the GTIN, say): such answers, rare and bounded in size, are not kept.
            answers.put(key, new Answer(matches, readAt, dependencies(key, matches.rows())));
        }
        return matches;
    }

    void heard(@Observes ReadModelNotice notice) {
        long at = changeCounter.incrementAndGet();
        if (notice.everything() || touched.size() >= MAX_CHANGES_REMEMBERED) {
            // A replay or a huge import: forgetting every answer is cheaper than remembering every change.
            everythingTouchedAt = at;
            touched.clear();
            answers.invalidateAll();
            return;
        }
        Touched now = new Touched(at, System.nanoTime());
        touched.put(notice.productId(), now);
        notice.gtins().forEach(gtin -> touched.put(gtin, now));
        if (notice.tacRanges()) {
            touched.put(ANY_TAC, now);
        }
    }

    private boolean isCurrent(Answer answer) {
        if (answer.readAt() < everythingTouchedAt) {
            return false;
        }
        for (Object dependency : answer.dependencies()) {
            Touched change = touched.get(dependency);
            if (change != null && change.at() > answer.readAt()) {
                return false;
            }
        }
        return true;
    }

    private static Object[] dependencies(MatchKey key, List<LookupRepository.MatchRow> rows) {
        List<Object> dependencies = new ArrayList<>(rows.size() + key.patternProducts().size() + 2);
        if (key.gtin14() != null) {
            dependencies.add(key.gtin14());
        }
        if (key.tac() != null) {
            dependencies.add(ANY_TAC);
        }
        dependencies.addAll(key.patternProducts());
        rows.forEach(row -> dependencies.add(row.productId()));
        return dependencies.toArray();
    }

    /**
     * A change older than the oldest answer still kept cannot make any answer stale: forget it, or the record of
     * changes would grow with every product ever changed. (An answer is written within moments of its read, so a
     * minute's margin is plenty.)
     */
    @Scheduled(every = "60s", delayed = "60s")
    void forgetOldChanges() {
        long horizon = System.nanoTime() - maxAge.toNanos() - Duration.ofMinutes(1).toNanos();
        touched.values().removeIf(change -> change.atNanos() - horizon < 0);
    }

    private static int weigh(MatchKey key, Answer answer) {
        long chars = 64;
        for (LookupRepository.MatchRow row : answer.matches().rows()) {
            chars += 64L + length(row.cardJson()) + length(row.contactsJson());
        }
        return (int) Math.min(Integer.MAX_VALUE, chars);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private record Answer(LookupRepository.Matches matches, long readAt, Object[] dependencies) {
    }

    private record Touched(long at, long atNanos) {
    }
}
