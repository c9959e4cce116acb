package org.openipm.lookup.answers;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.openipm.codes.PatternSet;
import org.openipm.codes.ProprietaryPattern;
import org.openipm.lookup.readmodel.ReadModelNotice;

/**
 * The read model's small, hot reference data held in memory: every lookup passes all proprietary patterns to the
 * interpreter and checks GTINs against the brands' company prefixes, which would otherwise cost a query each.
 * Lookups read an immutable snapshot; a change to patterns or prefixes triggers a reload on a background thread
 * once the change has committed (coalesced, so a burst of changes costs one or two reloads). Several instances
 * share one read model, each applying only its own partitions: every instance hears every change through
 * {@link ReadModelListener}, and reloads on a slow timer as a safety net.
 */
@ApplicationScoped
public class CodeReferenceCache {

    private static final Logger LOG = Logger.getLogger(CodeReferenceCache.class);
    /** GS1 company prefixes are 4 to 12 digits long. */
    private static final int SHORTEST_PREFIX = 4;
    private static final int LONGEST_PREFIX = 12;

    private final CodeReferenceRepository repository;
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private final ExecutorService reloader = Executors.newSingleThreadExecutor(r -> new Thread(r, "code-reference-reload"));
    private volatile References current = new References(PatternSet.EMPTY, Map.of(), Map.of());

    public CodeReferenceCache(CodeReferenceRepository repository) {
        this.repository = repository;
    }

    void load(@Observes StartupEvent startup) {
        reload();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        reloader.shutdownNow();
        reloader.awaitTermination(5, TimeUnit.SECONDS);
    }

    void changed(@Observes ReadModelNotice notice) {
        if (notice.codeReferences()) {
            queueReload();
        }
    }

    /** A safety net only: every committed change is heard through ReadModelListener. */
    @Scheduled(every = "${openipm.lookup.references-refresh:60s}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        queueReload();
    }

    private void queueReload() {
        if (reloadQueued.compareAndSet(false, true)) {
            reloader.execute(() -> {
                // Cleared before reading: a change committed during the reload queues another one.
                reloadQueued.set(false);
                reload();
            });
        }
    }

    /** The patterns to hand to the interpreter, compiled once per reload; each id names one distinct regex. */
    public PatternSet patterns() {
        return current.patterns();
    }

    /** The products (and their own pattern ids) whose pattern the interpreter matched. */
    public Map<UUID, List<String>> productsMatching(List<String> matchedPatternIds) {
        Map<UUID, List<String>> products = new LinkedHashMap<>();
        for (String id : matchedPatternIds) {
            for (PatternOwner owner : current.ownersByPatternId().getOrDefault(id, List.of())) {
                products.computeIfAbsent(owner.productId(), k -> new ArrayList<>()).add(owner.patternId());
            }
        }
        return products;
    }

    /** Brands whose GS1 company prefix the GTIN (14 digits) starts with, after its indicator digit. */
    public Set<String> brandsOwningPrefixOf(String gtin14) {
        Map<String, Set<String>> byPrefix = current.brandsByPrefix();
        if (byPrefix.isEmpty()) {
            return Set.of();
        }
        Set<String> brands = new TreeSet<>();
        String key = gtin14.substring(1);
        for (int length = SHORTEST_PREFIX; length <= Math.min(LONGEST_PREFIX, key.length()); length++) {
            brands.addAll(byPrefix.getOrDefault(key.substring(0, length), Set.of()));
        }
        return brands;
    }

    synchronized void reload() {
        try {
            CodeReferenceRepository.References loaded = repository.all();
            current = build(loaded.patterns(), loaded.prefixes());
        } catch (RuntimeException e) {
            // The previous references stay in use; the next change retries.
            LOG.warnf("Could not reload proprietary patterns and company prefixes: %s", e.getMessage());
        }
    }

    private static References build(List<CodeReferenceRepository.PatternRow> patterns,
            List<CodeReferenceRepository.BrandPrefix> prefixes) {
        Map<String, String> idByRegex = new LinkedHashMap<>();
        Map<String, List<PatternOwner>> owners = new HashMap<>();
        for (CodeReferenceRepository.PatternRow row : patterns) {
            String id = idByRegex.computeIfAbsent(row.regex(), r -> Integer.toString(idByRegex.size()));
            owners.computeIfAbsent(id, k -> new ArrayList<>()).add(new PatternOwner(row.productId(), row.patternId()));
        }
        List<ProprietaryPattern> distinct = idByRegex.entrySet().stream()
                .map(e -> new ProprietaryPattern(e.getValue(), e.getKey())).toList();
        Map<String, Set<String>> byPrefix = new HashMap<>();
        for (CodeReferenceRepository.BrandPrefix row : prefixes) {
            byPrefix.computeIfAbsent(row.prefix(), k -> new TreeSet<>()).add(row.brandId());
        }
        return new References(PatternSet.compile(distinct), owners, byPrefix);
    }

    private record PatternOwner(UUID productId, String patternId) {
    }

    private record References(PatternSet patterns, Map<String, List<PatternOwner>> ownersByPatternId,
            Map<String, Set<String>> brandsByPrefix) {
    }
}
