package org.openipm.codes;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Brands' proprietary code patterns: RE2 syntax, compiled and matched with RE2/J, which runs in time linear in the
 * code's length whatever the pattern (no backtracking, so no {@code (a|a){1,100}} can stall a scan). What can still
 * cost is the size of the compiled program (counted repetition multiplies it) and, for everyone else, a pattern that
 * matches too much; both are refused here when a pattern is written, and the first again before one is run.
 */
public final class SafePattern {

    /** Kept for callers that speak of the pattern's length; see {@link PatternLimits#MAX_PATTERN_LENGTH}. */
    public static final int MAX_LENGTH = PatternLimits.MAX_PATTERN_LENGTH;
    /** Beyond this estimate the pattern is not even compiled: RE2/J takes seconds for a million instructions. */
    private static final long MAX_ESTIMATE_BEFORE_COMPILING = 8L * PatternLimits.MAX_PROGRAM_SIZE;
    private static final long SATURATED = 1L << 40;

    private SafePattern() {
    }

    /**
     * Why a brand may not register {@code regex}, or empty when it may: it must be short, RE2 syntax, small once
     * compiled, and match next to none of a fixed sample of random codes ({@link PatternBreadth}).
     */
    public static Optional<String> rejectionReason(String regex) {
        Compiled compiled = compile(regex);
        if (compiled.pattern() == null) {
            return Optional.of(compiled.refusal());
        }
        return PatternBreadth.tooBroad(compiled.pattern());
    }

    /**
     * The pattern compiled for matching, or empty when it is not RE2 syntax or too large to run. Where patterns are
     * run: what was registered before a limit existed is skipped, never run at a cost.
     */
    public static Optional<Pattern> compiledForMatching(String regex) {
        return Optional.ofNullable(compile(regex).pattern());
    }

    private record Compiled(Pattern pattern, String refusal) {
    }

    private static Compiled compile(String regex) {
        if (regex == null || regex.isEmpty()) {
            return refused("pattern is empty");
        }
        if (regex.length() > PatternLimits.MAX_PATTERN_LENGTH) {
            return refused("pattern is too long: " + regex.length() + " characters, at most "
                    + PatternLimits.MAX_PATTERN_LENGTH);
        }
        Estimate estimate = estimate(regex);
        if (estimate.size() > MAX_ESTIMATE_BEFORE_COMPILING) {
            return refused(tooLarge("would compile to about " + estimate.size(), estimate));
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return refused("pattern is not valid RE2 syntax: " + e.getMessage().replace("error parsing regexp: ", "")
                    + hint(regex));
        } catch (RuntimeException | StackOverflowError e) {
            return refused("pattern is not valid RE2 syntax");
        }
        if (pattern.programSize() > PatternLimits.MAX_PROGRAM_SIZE) {
            return refused(tooLarge("compiles to " + pattern.programSize(), estimate));
        }
        return new Compiled(pattern, null);
    }

    private static Compiled refused(String why) {
        return new Compiled(null, why);
    }

    private static String tooLarge(String size, Estimate estimate) {
        String what = estimate.nestedAt() >= 0
                ? "nested counted repetition: the group at index " + estimate.nestedAt()
                        + " repeats a part that repeats itself, so the pattern " + size
                : "pattern " + size;
        return what + " instructions, at most " + PatternLimits.MAX_PROGRAM_SIZE
                + " (matching costs this for every character of every code scanned); repeat at one level only and"
                + " with smaller counts, e.g. [A-Z0-9]{6,20}";
    }

    /** Java regex features RE2 leaves out on purpose (they need backtracking). */
    private static String hint(String regex) {
        if (regex.matches(".*\\\\[1-9].*") || regex.contains("\\k<")) {
            return " (backreferences are not supported)";
        }
        if (regex.contains("(?=") || regex.contains("(?!") || regex.contains("(?<=") || regex.contains("(?<!")) {
            return " (lookaround is not supported)";
        }
        if (regex.contains("(?>") || regex.contains("++") || regex.contains("*+") || regex.contains("?+")) {
            return " (atomic groups and possessive quantifiers are not supported)";
        }
        return "";
    }

    /** Size estimate of the compiled program, and where a repeated group holds repetition itself (or -1). */
    record Estimate(long size, int nestedAt) {
    }

    private static final class Group {
        final int openPos;
        long done;          // finished alternatives
        long current;       // the alternative being read
        int alternatives = 1;
        boolean repeats;    // holds a counted repetition (max > 1)

        Group(int openPos) {
            this.openPos = openPos;
        }

        long size() {
            return saturate(done + current + alternatives - 1);
        }
    }

    /**
     * A quick reading of the pattern's structure, close to RE2's own program size: each atom counts one, a group the
     * sum of its alternatives, and {@code {n,m}} multiplies what it repeats by m. Lenient on syntax (RE2/J judges
     * that next); its only job is to refuse what would take long to compile.
     */
    static Estimate estimate(String r) {
        Deque<Group> stack = new ArrayDeque<>();
        stack.push(new Group(-1));
        int nestedAt = -1;
        int n = r.length();
        int i = 0;
        while (i < n) {
            char c = r.charAt(i);
            Group closed = null;
            int atomEnd;
            switch (c) {
                case '\\' -> atomEnd = endOfEscape(r, i);
                case '[' -> atomEnd = endOfClass(r, i);
                case '(' -> {
                    int flagsEnd = endOfFlagsOnly(r, i);
                    if (flagsEnd > 0) {
                        i = flagsEnd;
                        continue;
                    }
                    stack.push(new Group(i));
                    i++;
                    continue;
                }
                case ')' -> {
                    if (stack.size() == 1) {
                        i++;
                        continue;
                    }
                    closed = stack.pop();
                    atomEnd = i + 1;
                }
                case '|' -> {
                    Group top = stack.peek();
                    top.done = saturate(top.done + top.current);
                    top.current = 0;
                    top.alternatives++;
                    i++;
                    continue;
                }
                default -> atomEnd = i + 1;
            }
            long atom = closed == null ? 1 : Math.max(1, closed.size());
            Repeat repeat = repeatAt(r, atomEnd);
            Group top = stack.peek();
            if (repeat != null) {
                if (repeat.max() > 1 && closed != null && closed.repeats && nestedAt < 0) {
                    nestedAt = closed.openPos;
                }
                top.repeats |= repeat.max() > 1;
                // {n,m}: n copies, then m - n optional ones (one more instruction each); * + ?: one more.
                long max = Math.max(repeat.max(), 1);
                long min = Math.min(repeat.min(), max);
                atom = saturate(saturate(atom * min) + saturate((atom + 1) * (max - min)) + 1);
                i = repeat.end();
            } else {
                i = atomEnd;
            }
            if (closed != null) {
                top.repeats |= closed.repeats;
            }
            top.current = saturate(top.current + atom);
        }
        while (stack.size() > 1) {
            Group open = stack.pop();
            stack.peek().current = saturate(stack.peek().current + open.size());
        }
        return new Estimate(stack.peek().size() + 2, nestedAt);
    }

    private record Repeat(long min, long max, int end) {
    }

    private static Repeat repeatAt(String r, int at) {
        if (at >= r.length()) {
            return null;
        }
        char c = r.charAt(at);
        Repeat repeat = null;
        if (c == '*' || c == '+' || c == '?') {
            repeat = new Repeat(c == '+' ? 1 : 0, 1, at + 1);
        } else if (c == '{') {
            int close = r.indexOf('}', at);
            String body = close > at ? r.substring(at + 1, close) : "";
            if (body.matches("\\d{1,6}(,\\d{0,6})?")) {
                int comma = body.indexOf(',');
                long min = Long.parseLong(comma < 0 ? body : body.substring(0, comma));
                long max = comma < 0 ? min : comma == body.length() - 1 ? min + 1 : Long.parseLong(body.substring(comma + 1));
                repeat = new Repeat(min, Math.max(min, max), close + 1);
            }
        }
        if (repeat != null && repeat.end() < r.length() && r.charAt(repeat.end()) == '?') {
            repeat = new Repeat(repeat.min(), repeat.max(), repeat.end() + 1);   // lazy
        }
        return repeat;
    }

    private static int endOfEscape(String r, int i) {
        int n = r.length();
        if (i + 1 >= n) {
            return n;
        }
        char e = r.charAt(i + 1);
        if (e == 'Q') {
            int end = r.indexOf("\\E", i + 2);
            return end < 0 ? n : end + 2;
        }
        if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < n && r.charAt(i + 2) == '{') {
            int end = r.indexOf('}', i + 3);
            return end < 0 ? n : end + 1;
        }
        if (e == 'p' || e == 'P') {
            return Math.min(n, i + 3);
        }
        return i + 2;
    }

    /** The end of an inline-flags group such as {@code (?i)}, or -1 when the parenthesis opens a group. */
    private static int endOfFlagsOnly(String r, int i) {
        if (!r.startsWith("(?", i)) {
            return -1;
        }
        int k = i + 2;
        while (k < r.length() && Character.isLetter(r.charAt(k)) || k < r.length() && r.charAt(k) == '-') {
            k++;
        }
        return k < r.length() && k > i + 2 && r.charAt(k) == ')' ? k + 1 : -1;
    }

    private static int endOfClass(String r, int start) {
        int n = r.length();
        int i = start + 1;
        if (i < n && r.charAt(i) == '^') {
            i++;
        }
        if (i < n && r.charAt(i) == ']') {
            i++;                                          // literal ']' first in class
        }
        while (i < n) {
            char c = r.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[' && i + 1 < n && r.charAt(i + 1) == ':') {
                int end = r.indexOf(":]", i + 2);        // [[:alpha:]]
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == ']') {
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static long saturate(long value) {
        return value < 0 || value > SATURATED ? SATURATED : value;
    }
}
