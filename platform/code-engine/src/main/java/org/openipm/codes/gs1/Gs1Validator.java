package org.openipm.codes.gs1;

import static org.openipm.codes.ProblemCodes.BAD_CHARACTER;
import static org.openipm.codes.ProblemCodes.BAD_LENGTH;
import static org.openipm.codes.ProblemCodes.DUPLICATE_AI;
import static org.openipm.codes.ProblemCodes.EMPTY_VALUE;
import static org.openipm.codes.ProblemCodes.EXCLUSIVE_AIS;
import static org.openipm.codes.ProblemCodes.MISSING_REQUIRED_AI;

import java.util.ArrayList;
import java.util.List;

import org.openipm.codes.Element;
import org.openipm.codes.Problem;

/** Validates extracted AI values against the dictionary: components, linters, duplicates, req/ex associations. */
public final class Gs1Validator {
    private Gs1Validator() {}

    /**
     * Validates the elements, appending problems, and returns the distinct elements in input order.
     *
     * @param forbidIdenticalDuplicates Digital Link forbids any repeated AI; element strings tolerate an identical
     *                                  repeat (e.g. the same AI printed in two carriers)
     */
    public static List<Element> validate(List<RawElement> raw, boolean forbidIdenticalDuplicates,
                                         List<Problem> problems) {
        List<RawElement> distinct = new ArrayList<>(raw.size());
        outer:
        for (RawElement e : raw) {
            for (RawElement d : distinct) {
                if (d.ai().equals(e.ai())) {
                    if (!d.value().equals(e.value())) {
                        problems.add(new Problem(DUPLICATE_AI, "AI (" + e.ai() + ") occurs twice with different values '"
                                + d.value() + "' and '" + e.value() + "'", e.aiPos()));
                    } else if (forbidIdenticalDuplicates) {
                        problems.add(new Problem(DUPLICATE_AI, "AI (" + e.ai() + ") occurs more than once", e.aiPos()));
                    }
                    continue outer;
                }
            }
            distinct.add(e);
            validateValue(e, problems);
        }
        validateAssociations(distinct, problems);
        List<Element> out = new ArrayList<>(distinct.size());
        for (RawElement e : distinct) {
            out.add(new Element(e.ai(), e.value(), e.entry().title()));
        }
        return out;
    }

    /** Structure-only validation (components and linters, no associations): for conformance vectors. */
    static void validateValues(List<RawElement> raw, List<Problem> problems) {
        for (RawElement e : raw) {
            validateValue(e, problems);
        }
    }

    /** Checks one value against the AI's component specification and linters. */
    static void validateValue(RawElement e, List<Problem> problems) {
        AiEntry entry = e.entry();
        String v = e.value();
        String ai = entry.ai();
        if (v.isEmpty()) {
            problems.add(new Problem(EMPTY_VALUE, "AI (" + ai + ") has no data", e.pos(0)));
            return;
        }
        int min = entry.minLength();
        int max = entry.maxLength();
        if (v.length() > max) {
            problems.add(new Problem(BAD_LENGTH, "AI (" + ai + ") data is too long: " + v.length()
                    + " characters, at most " + max + " allowed", e.pos(max)));
            return;
        }
        if (v.length() < min) {
            problems.add(new Problem(BAD_LENGTH, "AI (" + ai + ") data is too short: " + v.length()
                    + " characters, " + (min == max ? "exactly " : "at least ") + min + " required", e.pos(v.length())));
            return;
        }
        int p = 0;
        for (Component c : entry.components()) {
            if (p >= v.length()) {
                if (c.optional()) {
                    break;
                }
                problems.add(new Problem(BAD_LENGTH, "AI (" + ai + ") data is too short", e.pos(p)));
                return;
            }
            int len = Math.min(c.maxLength(), v.length() - p);
            if (len < c.minLength()) {
                problems.add(new Problem(BAD_LENGTH, "AI (" + ai + ") data is too short: component " + c
                        + " needs " + c.minLength() + " characters, found " + len, e.pos(p + len)));
                return;
            }
            String part = v.substring(p, p + len);
            if (!checkCharacters(e, c, part, p, problems)) {
                return;
            }
            for (String linter : c.linters()) {
                LintFailure f = Linters.check(linter, part);
                if (f != null) {
                    problems.add(new Problem(f.code(), "AI (" + ai + ") " + entry.title() + ": " + f.message(),
                            e.pos(p + Math.max(0, Math.min(f.offset(), len - 1)))));
                    return;
                }
            }
            p += len;
        }
        if (p < v.length()) {
            problems.add(new Problem(BAD_LENGTH, "AI (" + ai + ") data is too long", e.pos(p)));
        }
    }

    private static boolean checkCharacters(RawElement e, Component c, String part, int offset,
                                           List<Problem> problems) {
        int n = part.length();
        if (c.charSet() == CharSet.Z) {
            // CSET 64 allows up to two '=' padding characters at the end, only when the length is a multiple of 3
            int pads = 0;
            while (pads < n && part.charAt(n - 1 - pads) == '=') {
                pads++;
            }
            if (pads > 2 || (pads > 0 && n % 3 != 0)) {
                problems.add(new Problem(BAD_CHARACTER, "AI (" + e.ai() + ") has invalid '=' padding",
                        e.pos(offset + n - pads)));
                return false;
            }
            n -= pads;
        }
        for (int i = 0; i < n; i++) {
            char ch = part.charAt(i);
            if (!c.charSet().contains(ch)) {
                problems.add(new Problem(BAD_CHARACTER, "AI (" + e.ai() + ") contains " + describe(ch)
                        + ", not allowed in " + c.charSet().description(), e.pos(offset + i)));
                return false;
            }
        }
        return true;
    }

    static String describe(char ch) {
        if (ch < 0x20 || ch == 0x7f) {
            return String.format("control character 0x%02X", (int) ch);
        }
        if (ch == ' ') {
            return "a space";
        }
        return "character '" + ch + "'";
    }

    private static boolean present(List<RawElement> els, String pattern, String self) {
        for (RawElement e : els) {
            String ai = e.ai();
            if (self != null && ai.equals(self)) {
                continue;
            }
            if (AiEntry.matchesPattern(ai, pattern)) {
                return true;
            }
        }
        return false;
    }

    static void validateAssociations(List<RawElement> els, List<Problem> problems) {
        List<String> reportedPairs = new ArrayList<>();
        for (RawElement e : els) {
            AiEntry entry = e.entry();
            for (String ex : entry.excludes()) {
                for (RawElement other : els) {
                    if (other == e || other.ai().equals(e.ai()) || !AiEntry.matchesPattern(other.ai(), ex)) {
                        continue;
                    }
                    String a = e.ai().compareTo(other.ai()) < 0 ? e.ai() : other.ai();
                    String b = a.equals(e.ai()) ? other.ai() : e.ai();
                    String key = a + "/" + b;
                    if (!reportedPairs.contains(key)) {
                        reportedPairs.add(key);
                        problems.add(new Problem(EXCLUSIVE_AIS, "AIs (" + a + ") and (" + b
                                + ") must not be used together", Math.max(e.aiPos(), other.aiPos())));
                    }
                }
            }
            for (List<List<String>> req : entry.requires()) {
                boolean satisfied = false;
                for (List<String> alternative : req) {
                    boolean all = true;
                    for (String p : alternative) {
                        if (!present(els, p, null)) {
                            all = false;
                            break;
                        }
                    }
                    if (all) {
                        satisfied = true;
                        break;
                    }
                }
                if (!satisfied) {
                    problems.add(new Problem(MISSING_REQUIRED_AI, "AI (" + entry.ai() + ") " + entry.title()
                            + " requires " + describeReq(req), e.aiPos()));
                }
            }
        }
    }

    private static String describeReq(List<List<String>> req) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < req.size(); i++) {
            if (i > 0) {
                sb.append(i == req.size() - 1 ? " or " : ", ");
            }
            List<String> alt = req.get(i);
            for (int j = 0; j < alt.size(); j++) {
                if (j > 0) {
                    sb.append(" with ");
                }
                sb.append('(').append(alt.get(j)).append(')');
            }
        }
        return sb.toString();
    }
}
