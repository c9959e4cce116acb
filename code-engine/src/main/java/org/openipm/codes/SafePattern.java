package org.openipm.codes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Screens brands' proprietary code regexes before they are stored: they run (as full matches) on every lookup, so
 * shapes that make {@link java.util.regex} backtrack catastrophically are refused. Conservative by design: a refused
 * pattern can always be rewritten with bounded repetition and character classes.
 */
public final class SafePattern {
    private SafePattern() {}

    public static final int MAX_LENGTH = 200;
    /** More unbounded quantifiers than this allow polynomial blow-up even without nesting (e.g. {@code .*.*.*.*x}). */
    public static final int MAX_UNBOUNDED_QUANTIFIERS = 3;

    private static final class Frame {
        final int openPos;
        boolean quantifier;
        boolean unbounded;
        boolean alternation;

        Frame(int openPos) {
            this.openPos = openPos;
        }
    }

    /** Why {@code regex} is refused, or empty if it is acceptable. */
    public static Optional<String> rejectionReason(String regex) {
        if (regex == null || regex.isEmpty()) {
            return Optional.of("pattern is empty");
        }
        if (regex.length() > MAX_LENGTH) {
            return Optional.of("pattern is too long: " + regex.length() + " characters, at most " + MAX_LENGTH);
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.of("pattern does not compile: " + e.getDescription() + " near index " + e.getIndex());
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.of("pattern does not compile");
        }
        try {
            return Optional.ofNullable(scan(regex));
        } catch (RuntimeException e) {
            return Optional.of("pattern could not be analysed");
        }
    }

    private static String scan(String r) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(-1));
        int unboundedTotal = 0;
        int n = r.length();
        int i = 0;
        while (i < n) {
            char c = r.charAt(i);
            Frame closed = null;
            int atomEnd;
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) {
                        return "pattern ends with a lone backslash";
                    }
                    char e = r.charAt(i + 1);
                    if (e >= '1' && e <= '9') {
                        return "backreference \\" + e + " at index " + i + " is not allowed";
                    }
                    if (e == 'k' && i + 2 < n && r.charAt(i + 2) == '<') {
                        return "named backreference at index " + i + " is not allowed";
                    }
                    if (e == 'Q') {
                        int end = r.indexOf("\\E", i + 2);
                        atomEnd = end < 0 ? n : end + 2;
                    } else if ((e == 'p' || e == 'P' || e == 'x' || e == 'N') && i + 2 < n && r.charAt(i + 2) == '{') {
                        int end = r.indexOf('}', i + 3);
                        atomEnd = end < 0 ? n : end + 1;
                    } else if (e == 'c') {
                        atomEnd = Math.min(n, i + 3);
                    } else {
                        atomEnd = i + 2;
                    }
                }
                case '[' -> atomEnd = endOfClass(r, i);
                case '(' -> {
                    if (r.startsWith("(?=", i) || r.startsWith("(?!", i) || r.startsWith("(?<=", i)
                            || r.startsWith("(?<!", i)) {
                        return "lookaround at index " + i + " is not allowed";
                    }
                    if (r.startsWith("(?", i) && !r.startsWith("(?:", i) && !r.startsWith("(?<", i)
                            && !r.startsWith("(?>", i)) {
                        // inline flags: (?i) or (?i:...)
                        int k = i + 2;
                        while (k < n && r.charAt(k) != ')' && r.charAt(k) != ':') {
                            k++;
                        }
                        if (k < n && r.charAt(k) == ')') {
                            i = k + 1;                   // flags only, no group content
                            continue;
                        }
                    }
                    stack.push(new Frame(i));
                    i++;
                    continue;
                }
                case ')' -> {
                    if (stack.size() <= 1) {
                        return "unbalanced ')' at index " + i;
                    }
                    closed = stack.pop();
                    atomEnd = i + 1;
                }
                case '|' -> {
                    stack.peek().alternation = true;
                    i++;
                    continue;
                }
                case '*', '+', '?', '{' -> {
                    // a quantifier without an atom (e.g. at the start) would not compile; treat as literal
                    atomEnd = i + 1;
                }
                default -> atomEnd = i + 1;
            }
            // Quantifier following the atom?
            int q = atomEnd;
            boolean quantified = false;
            boolean unbounded = false;
            long max = 1;
            if (q < n) {
                char qc = r.charAt(q);
                if (qc == '*' || qc == '+') {
                    quantified = true;
                    unbounded = true;
                    max = Long.MAX_VALUE;
                    q++;
                } else if (qc == '?') {
                    quantified = true;
                    q++;
                } else if (qc == '{') {
                    int close = r.indexOf('}', q);
                    if (close > q) {
                        String body = r.substring(q + 1, close);
                        int comma = body.indexOf(',');
                        if (body.matches("\\d+(,\\d*)?")) {
                            quantified = true;
                            if (comma >= 0 && comma == body.length() - 1) {
                                unbounded = true;
                                max = Long.MAX_VALUE;
                            } else {
                                String m = comma >= 0 ? body.substring(comma + 1) : body;
                                max = m.length() > 9 ? Long.MAX_VALUE : Long.parseLong(m);
                            }
                            q = close + 1;
                        }
                    }
                }
                if (quantified && q < n && (r.charAt(q) == '?' || r.charAt(q) == '+')) {
                    q++;                                  // lazy / possessive modifier
                }
            }
            Frame top = stack.peek();
            if (closed != null) {
                if (quantified && unbounded && (closed.quantifier || closed.alternation)) {
                    return (closed.quantifier ? "nested quantifier" : "repeated alternation")
                            + ": the group at index " + closed.openPos + " is repeated without bound and contains "
                            + (closed.quantifier ? "a quantifier" : "alternatives")
                            + " (catastrophic backtracking); use a single bounded repetition or a character class";
                }
                if (quantified && max > 1 && closed.unbounded) {
                    return "nested quantifier: the group at index " + closed.openPos + " contains an unbounded "
                            + "quantifier and is itself repeated; bound the inner repetition";
                }
                top.quantifier |= closed.quantifier || quantified;
                top.unbounded |= closed.unbounded || unbounded;
                top.alternation |= closed.alternation;
            } else if (quantified) {
                top.quantifier = true;
                top.unbounded |= unbounded;
            }
            if (unbounded && ++unboundedTotal > MAX_UNBOUNDED_QUANTIFIERS) {
                return "too many unbounded quantifiers (more than " + MAX_UNBOUNDED_QUANTIFIERS
                        + " of *, + or {n,}); use bounded repetition such as {1,20}";
            }
            i = q;
        }
        if (stack.size() != 1) {
            return "unbalanced '('";
        }
        return null;
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
        int depth = 1;
        while (i < n) {
            char c = r.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return n;
    }
}
