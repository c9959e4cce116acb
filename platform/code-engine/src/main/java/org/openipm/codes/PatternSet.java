package org.openipm.codes;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proprietary patterns compiled once (RE2/J) and tried together. Build one when the patterns change and hand it to
 * every interpretation: compiling per scan, or an LRU smaller than the number of patterns, would recompile on every
 * scan. Patterns that are not RE2 syntax or too large to run ({@link SafePattern#compiledForMatching}) are left out.
 * Immutable and thread safe.
 */
public final class PatternSet {

    public static final PatternSet EMPTY = new PatternSet(List.of());
    private static final int RECENT_PATTERNS = 512;

    /** For {@link #of}'s callers that pass the same few patterns again and again (tests, ad-hoc interpretation). */
    private static final Map<String, Optional<Pattern>> RECENT = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Pattern>> eldest) {
            return size() > RECENT_PATTERNS;
        }
    };

    private record Compiled(String patternId, Pattern pattern) {
    }

    private final List<Compiled> patterns;

    private PatternSet(List<Compiled> patterns) {
        this.patterns = patterns;
    }

    /** Compiles every pattern (the whole set is rebuilt at once, so nothing is cached). */
    public static PatternSet compile(List<ProprietaryPattern> patterns) {
        List<Compiled> compiled = new ArrayList<>(patterns.size());
        for (ProprietaryPattern p : patterns) {
            if (p != null && p.regex() != null) {
                SafePattern.compiledForMatching(p.regex()).ifPresent(c -> compiled.add(new Compiled(p.patternId(), c)));
            }
        }
        return new PatternSet(List.copyOf(compiled));
    }

    /** The same, reusing recently compiled patterns: for callers that pass a list per interpretation. */
    static PatternSet of(List<ProprietaryPattern> patterns) {
        if (patterns.isEmpty()) {
            return EMPTY;
        }
        List<Compiled> compiled = new ArrayList<>(patterns.size());
        for (ProprietaryPattern p : patterns) {
            if (p == null || p.regex() == null) {
                continue;
            }
            Optional<Pattern> pattern;
            synchronized (RECENT) {
                pattern = RECENT.get(p.regex());
            }
            if (pattern == null) {
                pattern = SafePattern.compiledForMatching(p.regex());
                synchronized (RECENT) {
                    RECENT.put(p.regex(), pattern);
                }
            }
            pattern.ifPresent(c -> compiled.add(new Compiled(p.patternId(), c)));
        }
        return new PatternSet(compiled);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public int size() {
        return patterns.size();
    }

    /** Ids of the patterns that match the whole code. */
    List<String> idsMatching(String code) {
        List<String> ids = new ArrayList<>(2);
        for (Compiled p : patterns) {
            if (p.pattern().matcher(code).matches()) {
                ids.add(p.patternId());
            }
        }
        return ids;
    }
}
