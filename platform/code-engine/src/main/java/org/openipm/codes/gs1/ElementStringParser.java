package org.openipm.codes.gs1;

import static org.openipm.codes.ProblemCodes.BAD_CHARACTER;
import static org.openipm.codes.ProblemCodes.EMPTY_VALUE;
import static org.openipm.codes.ProblemCodes.MALFORMED;
import static org.openipm.codes.ProblemCodes.UNKNOWN_AI;

import java.util.ArrayList;
import java.util.List;

import org.openipm.codes.Problem;

/**
 * Splits GS1 element strings into AIs and values: the scanner form (FNC1 transmitted as ASCII GS, 0x1D) and the
 * bracketed human readable form {@code (01)09520123456788(10)ABC}. Syntax problems are appended to the problem list;
 * a null result means the string could not be split.
 */
public final class ElementStringParser {
    public static final char GS = '\u001D';

    private ElementStringParser() {}

    /**
     * Parses the scanner form {@code s[from..]} (symbology identifier already removed; a leading GS is tolerated).
     */
    public static List<RawElement> parseScanned(AiDictionary dict, String s, int from, List<Problem> problems) {
        List<RawElement> out = new ArrayList<>();
        int p = from;
        int n = s.length();
        while (p < n && s.charAt(p) == GS) {
            p++;                                       // leading FNC1 (or stray separators)
        }
        if (p >= n) {
            problems.add(new Problem(EMPTY_VALUE, "no GS1 element string data", Math.min(p, n)));
            return null;
        }
        while (p < n) {
            AiEntry entry = dict.lookupPrefix(s, p);
            if (entry == null) {
                problems.add(unknownAi(s, p, n));
                return null;
            }
            int aiPos = p;
            p += entry.ai().length();
            int valueStart = p;
            int end;
            if (!entry.fnc1Required()) {
                // predefined length: take exactly the fixed length (stop early at a GS so the length check reports it)
                int want = entry.maxLength();
                end = valueStart;
                while (end < n && end - valueStart < want && s.charAt(end) != GS) {
                    end++;
                }
            } else {
                end = s.indexOf(GS, valueStart);
                if (end < 0) {
                    end = n;
                }
            }
            out.add(new RawElement(entry, aiPos, s.substring(valueStart, end), valueStart, null, false));
            p = end;
            if (p < n && s.charAt(p) == GS) {
                p++;
                if (p >= n) {
                    break;                             // trailing separator tolerated
                }
                if (s.charAt(p) == GS) {
                    problems.add(new Problem(MALFORMED, "two consecutive FNC1 separators", p));
                    return null;
                }
            }
        }
        return out;
    }

    private static Problem unknownAi(String s, int p, int n) {
        int e = p;
        while (e < n && e - p < 4 && s.charAt(e) >= '0' && s.charAt(e) <= '9') {
            e++;
        }
        if (e == p) {
            return new Problem(BAD_CHARACTER, "expected an Application Identifier (digits) but found "
                    + Gs1Validator.describe(s.charAt(p)), p);
        }
        return new Problem(UNKNOWN_AI, "unknown Application Identifier starting '" + s.substring(p, e) + "'", p);
    }

    /** Parses the bracketed form {@code s[from..]}, e.g. {@code (01)09520123456788(10)ABC}; {@code \(} escapes '('. */
    public static List<RawElement> parseBracketed(AiDictionary dict, String s, int from, List<Problem> problems) {
        List<RawElement> out = new ArrayList<>();
        int p = from;
        int n = s.length();
        if (p >= n || s.charAt(p) != '(') {
            problems.add(new Problem(MALFORMED, "bracketed element string must start with '('", p));
            return null;
        }
        while (p < n) {
            if (s.charAt(p) != '(') {
                problems.add(new Problem(MALFORMED, "expected '(' to start an Application Identifier", p));
                return null;
            }
            int aiPos = p + 1;
            int close = aiPos;
            while (close < n && close - aiPos <= 4 && s.charAt(close) != ')') {
                close++;
            }
            if (close >= n || s.charAt(close) != ')') {
                problems.add(new Problem(MALFORMED, "missing ')' after Application Identifier", Math.min(close, n - 1)));
                return null;
            }
            String ai = s.substring(aiPos, close);
            AiEntry entry = dict.get(ai);
            if (entry == null) {
                boolean digits = !ai.isEmpty() && ai.chars().allMatch(c -> c >= '0' && c <= '9');
                problems.add(digits
                        ? new Problem(UNKNOWN_AI, "unknown Application Identifier (" + ai + ")", aiPos)
                        : new Problem(MALFORMED, "'(" + ai + ")' is not an Application Identifier", aiPos));
                return null;
            }
            int valueStart = close + 1;
            StringBuilder value = null;
            int[] positions = null;
            int q = valueStart;
            int count = 0;
            while (q < n && s.charAt(q) != '(') {
                char c = s.charAt(q);
                if (c == '\\' && q + 1 < n && s.charAt(q + 1) == '(') {
                    if (value == null) {
                        value = new StringBuilder(s.substring(valueStart, q));
                        positions = new int[n - valueStart];
                        for (int k = 0; k < count; k++) {
                            positions[k] = valueStart + k;
                        }
                    }
                    q++;
                    c = '(';
                }
                if (value != null) {
                    value.append(c);
                    positions[count] = q;
                }
                count++;
                q++;
            }
            RawElement el = value == null
                    ? new RawElement(entry, aiPos, s.substring(valueStart, q), valueStart, null, false)
                    : new RawElement(entry, aiPos, value.toString(), valueStart,
                    java.util.Arrays.copyOf(positions, count), false);
            out.add(el);
            p = q;
        }
        return out;
    }
}
