package org.openipm.codes.gs1;

import static org.openipm.codes.ProblemCodes.BAD_CHARACTER;
import static org.openipm.codes.ProblemCodes.EMPTY_VALUE;
import static org.openipm.codes.ProblemCodes.GTIN_NOT_14_DIGITS;
import static org.openipm.codes.ProblemCodes.INVALID_COMPRESSION;
import static org.openipm.codes.ProblemCodes.INVALID_KEY_QUALIFIER_SEQUENCE;
import static org.openipm.codes.ProblemCodes.INVALID_URI;
import static org.openipm.codes.ProblemCodes.KEY_QUALIFIER_IN_QUERY;
import static org.openipm.codes.ProblemCodes.NOT_DL_ATTRIBUTE;
import static org.openipm.codes.ProblemCodes.NO_PRIMARY_KEY;
import static org.openipm.codes.ProblemCodes.UNKNOWN_AI;

import java.util.ArrayList;
import java.util.List;

import org.openipm.codes.Note;
import org.openipm.codes.Problem;

/**
 * Parses GS1 Digital Link URIs (numeric AIs): any domain and path stem, the rightmost primary key in the path followed
 * by its key qualifiers, data attributes in the query string, fragment ignored; compressed forms via
 * {@link CompressedDigitalLink}.
 */
public final class DigitalLinkParser {
    private DigitalLinkParser() {}

    private static final boolean[] URI_CHARS = new boolean[128];

    static {
        for (char c : ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                + "-._~:/?#[]@!$&'()*+,;=%").toCharArray()) {
            URI_CHARS[c] = true;
        }
    }

    /**
     * Parses the URI {@code s[from..]}; returns the path AIs followed by the query AIs, or null on a fatal problem.
     * Compressed URIs (GS1 Digital Link 1.1 compression: the whole key and attributes, or everything after an
     * uncompressed primary key, as URI-safe base64 in the last path segment) are decompressed first.
     */
    public static List<RawElement> parse(AiDictionary dict, String s, int from, List<Problem> problems,
                                         List<Note> notes) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128 || !URI_CHARS[c]) {
                problems.add(new Problem(BAD_CHARACTER, "URI contains " + Gs1Validator.describe(c)
                        + " which is not allowed in a URI (percent-encode it)", i));
                return null;
            }
        }
        int p;
        if (s.startsWith("https://", from) || s.startsWith("HTTPS://", from)) {
            p = from + 8;
        } else if (s.startsWith("http://", from) || s.startsWith("HTTP://", from)) {
            p = from + 7;
        } else {
            problems.add(new Problem(INVALID_URI, "URI scheme must be http:// or https:// (all lower or all upper case)",
                    from));
            return null;
        }
        int domainStart = p;
        while (p < n && s.charAt(p) != '/' && s.charAt(p) != '?' && s.charAt(p) != '#') {
            char c = s.charAt(p);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == ':' || c == '[' || c == ']'
                    || c == '_' || c == '@')) {
                problems.add(new Problem(BAD_CHARACTER, "domain contains " + Gs1Validator.describe(c), p));
                return null;
            }
            p++;
        }
        if (p == domainStart || p >= n || s.charAt(p) != '/') {
            problems.add(new Problem(INVALID_URI, p == domainStart ? "URI has no domain" : "URI has no path", p));
            return null;
        }
        int pathStart = p;
        int fragment = s.indexOf('#', pathStart);
        int end = fragment < 0 ? n : fragment;
        int query = s.indexOf('?', pathStart);
        if (query >= end) {
            query = -1;
        }
        int pathEnd = query < 0 ? end : query;

        // Path segments (each preceded by '/')
        List<int[]> segs = new ArrayList<>();
        int q = pathStart;
        while (q < pathEnd) {
            int next = s.indexOf('/', q + 1);
            if (next < 0 || next > pathEnd) {
                next = pathEnd;
            }
            segs.add(new int[] {q + 1, next});
            q = next;
        }
        // Search backwards for "/AI/value" pairs until reaching a primary key
        int pk = -1;
        for (int i = segs.size() - 2; i >= 0; i -= 2) {
            int[] seg = segs.get(i);
            AiEntry e = dict.get(s.substring(seg[0], seg[1]));
            if (e == null) {
                break;
            }
            if (e.isDlPrimaryKey()) {
                pk = i;
                break;
            }
        }
        List<RawElement> out = new ArrayList<>();
        int pathCount;
        if (pk >= 0) {
            for (int i = pk; i + 1 < segs.size(); i += 2) {
                RawElement el = pathElement(dict, s, segs.get(i), segs.get(i + 1), problems, notes);
                if (el == null) {
                    return null;
                }
                out.add(el);
            }
            pathCount = out.size();
        } else {
            pathCount = decompress(dict, s, segs, pathStart, out, problems, notes);
            if (pathCount < 0) {
                return null;
            }
        }
        if (query >= 0 && !parseQuery(dict, s, query + 1, end, out, problems)) {
            return null;
        }
        checkStructure(dict, out, pathCount, problems);
        return out;
    }

    /** One "/AI/value" pair of the path; null (with a problem) when the value is empty or holds a control character. */
    private static RawElement pathElement(AiDictionary dict, String s, int[] aiSeg, int[] valSeg,
                                          List<Problem> problems, List<Note> notes) {
        AiEntry e = dict.get(s.substring(aiSeg[0], aiSeg[1]));
        if (valSeg[0] == valSeg[1]) {
            problems.add(new Problem(EMPTY_VALUE, "AI (" + e.ai() + ") has an empty value in the URI path",
                    valSeg[0]));
            return null;
        }
        RawElement el = decode(e, aiSeg[0], s, valSeg[0], valSeg[1], false);
        Problem ctl = controlCharacter(el);
        if (ctl != null) {
            problems.add(ctl);
            return null;
        }
        return zeroPadGtin(el, problems, notes);
    }

    /**
     * Decompresses the last path segment (fully compressed, or partly: after an uncompressed "/key/value"), adding the
     * primary key and its qualifiers (in qualifier order) then the other AIs to {@code out}. Returns the number of
     * path elements, or -1 with a problem.
     */
    private static int decompress(AiDictionary dict, String s, List<int[]> segs, int pathStart, List<RawElement> out,
                                  List<Problem> problems, List<Note> notes) {
        int[] last = segs.isEmpty() ? null : segs.get(segs.size() - 1);
        if (last == null || !CompressedDigitalLink.isBase64Url(s, last[0], last[1])) {
            problems.add(noPrimaryKey(pathStart, ""));
            return -1;
        }
        RawElement key = null;
        if (segs.size() >= 3) {
            int[] keySeg = segs.get(segs.size() - 3);
            int[] valueSeg = segs.get(segs.size() - 2);
            AiEntry e = dict.get(s.substring(keySeg[0], keySeg[1]));
            if (e != null && e.isDlPrimaryKey() && valueSeg[0] < valueSeg[1]) {
                key = pathElement(dict, s, keySeg, valueSeg, problems, notes);
                if (key == null) {
                    return -1;
                }
            }
        }
        CompressedDigitalLink.Result r = CompressedDigitalLink.decode(dict, s, last[0], last[1]);
        if (!r.ok()) {
            if (key == null && !r.recognisedStart()) {
                problems.add(noPrimaryKey(pathStart, "; its last segment is not a compressed GS1 Digital Link either ("
                        + r.failure() + ")"));
            } else {
                problems.add(new Problem(INVALID_COMPRESSION, "the compressed GS1 Digital Link in the last path segment "
                        + "is corrupt: " + r.failure(), r.failurePosition()));
            }
            return -1;
        }
        List<RawElement> rest = new ArrayList<>(r.elements());
        if (key == null) {
            for (RawElement el : rest) {
                if (el.entry().isDlPrimaryKey()) {
                    key = el;
                    break;
                }
            }
            if (key == null) {
                problems.add(new Problem(NO_PRIMARY_KEY, "the compressed GS1 Digital Link holds no primary key (such "
                        + "as a GTIN)", last[0]));
                return -1;
            }
            rest.remove(key);
        }
        notes.add(new Note(Note.DECOMPRESSED, "compressed GS1 Digital Link: its elements were decompressed from the "
                + "last path segment"));
        List<RawElement> qualifiers = qualifiersInOrder(key.entry(), rest);
        rest.removeAll(qualifiers);
        out.add(key);
        out.addAll(qualifiers);
        out.addAll(rest);
        return 1 + qualifiers.size();
    }

    /** The elements that are key qualifiers of {@code key}, sorted as in the first qualifier sequence holding all. */
    private static List<RawElement> qualifiersInOrder(AiEntry key, List<RawElement> elements) {
        List<RawElement> qualifiers = new ArrayList<>();
        for (RawElement el : elements) {
            for (List<String> seq : key.dlQualifierSequences()) {
                if (seq.contains(el.ai())) {
                    qualifiers.add(el);
                    break;
                }
            }
        }
        for (List<String> seq : key.dlQualifierSequences()) {
            if (qualifiers.stream().allMatch(el -> seq.contains(el.ai()))) {
                qualifiers.sort(java.util.Comparator.comparingInt(el -> seq.indexOf(el.ai())));
                break;
            }
        }
        return qualifiers;
    }

    private static Problem noPrimaryKey(int pathStart, String more) {
        return new Problem(NO_PRIMARY_KEY, "no GS1 Digital Link primary key (such as /01/<GTIN>) found at the end of "
                + "the URI path" + more, pathStart);
    }

    /** Query string: AI=value pairs appended to {@code out}; other parameters ignored. False after a fatal problem. */
    private static boolean parseQuery(AiDictionary dict, String s, int a, int end, List<RawElement> out,
                                      List<Problem> problems) {
        while (a < end) {
            int amp = s.indexOf('&', a);
            if (amp < 0 || amp > end) {
                amp = end;
            }
            int eq = s.indexOf('=', a);
            if (eq >= 0 && eq < amp) {
                String key = s.substring(a, eq);
                if (!key.isEmpty() && allDigits(key)) {
                    AiEntry e = dict.get(key);
                    if (e == null) {
                        problems.add(new Problem(UNKNOWN_AI, "unknown Application Identifier (" + key
                                + ") in the URI query", a));
                        return false;
                    }
                    if (eq + 1 == amp) {
                        problems.add(new Problem(EMPTY_VALUE, "AI (" + key + ") has an empty value in the URI query",
                                eq + 1));
                        return false;
                    }
                    RawElement el = decode(e, a, s, eq + 1, amp, true);
                    Problem ctl = controlCharacter(el);
                    if (ctl != null) {
                        problems.add(ctl);
                        return false;
                    }
                    out.add(el);
                }
            }
            a = amp + 1;
        }
        return true;
    }

    /** Key-qualifier sequence of the path, and data attributes that must not be qualifiers and must be permitted. */
    private static void checkStructure(AiDictionary dict, List<RawElement> out, int pathCount, List<Problem> problems) {
        List<String> pathAis = new ArrayList<>(pathCount);
        for (int i = 0; i < pathCount; i++) {
            pathAis.add(out.get(i).ai());
        }
        if (!validPathSequence(dict, pathAis)) {
            problems.add(new Problem(INVALID_KEY_QUALIFIER_SEQUENCE, "key qualifiers " + pathAis.subList(1, pathCount)
                    + " are not allowed after primary key (" + pathAis.get(0) + ") in this order; allowed: "
                    + describeSequences(out.get(0).entry()), out.get(Math.min(1, pathCount - 1)).aiPos()));
        }
        for (int k = pathCount; k < out.size(); k++) {
            RawElement el = out.get(k);
            if (el.inQuery() && isQualifierPosition(dict, pathAis, el.ai())) {
                problems.add(new Problem(KEY_QUALIFIER_IN_QUERY, "AI (" + el.ai() + ") is a key qualifier of ("
                        + pathAis.get(0) + ") and must be in the URI path, not in the query", el.aiPos()));
            } else if (!el.entry().dlDataAttribute()) {
                problems.add(new Problem(NOT_DL_ATTRIBUTE, "AI (" + el.ai() + ") is not permitted as a GS1 Digital Link "
                        + "data attribute", el.aiPos()));
            }
        }
    }

    /**
     * A GTIN-8/12/13 as the AI (01) path value is not conformant (GS1 Digital Link asks for 14 digits) but legacy URIs
     * carry them: reported as a problem, and zero-padded to 14 digits so that the lookup can still try it.
     */
    private static RawElement zeroPadGtin(RawElement el, List<Problem> problems, List<Note> notes) {
        String v = el.value();
        if (!el.ai().equals("01") || !(v.length() == 8 || v.length() == 12 || v.length() == 13) || !allDigits(v)) {
            return el;
        }
        int pad = 14 - v.length();
        String padded = "0".repeat(pad) + v;
        problems.add(new Problem(GTIN_NOT_14_DIGITS, "GS1 Digital Link requires the GTIN as 14 digits; found "
                + v.length() + " digits (a conformant URI has /01/" + padded + ")", el.pos(0)));
        notes.add(new Note(Note.ZERO_PADDED_GTIN, "the " + v.length() + "-digit GTIN " + v
                + " was zero-padded to " + padded + " for the lookup"));
        int[] pos = new int[14];
        for (int i = 0; i < 14; i++) {
            pos[i] = i < pad ? el.pos(0) : el.pos(i - pad);
        }
        return new RawElement(el.entry(), el.aiPos(), padded, el.valueStart(), pos, el.inQuery());
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** A percent-encoded control character (e.g. %00) in a decoded value, reported at its input position. */
    private static Problem controlCharacter(RawElement el) {
        String v = el.value();
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < 0x20) {
                return new Problem(BAD_CHARACTER, "AI (" + el.ai() + ") value contains "
                        + Gs1Validator.describe(v.charAt(i)), el.pos(i));
            }
        }
        return null;
    }

    private static RawElement decode(AiEntry e, int aiPos, String s, int a, int b, boolean query) {
        boolean plain = true;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (c == '%' || (query && c == '+')) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new RawElement(e, aiPos, s.substring(a, b), a, null, query);
        }
        StringBuilder sb = new StringBuilder(b - a);
        int[] pos = new int[b - a];
        int k = 0;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            pos[k++] = i;
            if (c == '%' && i + 2 < b && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                // percent-decoded byte; non-ASCII bytes then fail the character set check of the AI
                sb.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else if (query && c == '+') {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return new RawElement(e, aiPos, sb.toString(), a, java.util.Arrays.copyOf(pos, k), query);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** Whether {@code ais} = primary key followed by an order-preserving selection of one qualifier alternative. */
    static boolean validPathSequence(AiDictionary dict, List<String> ais) {
        AiEntry key = dict.get(ais.get(0));
        if (key == null || !key.isDlPrimaryKey()) {
            return false;
        }
        for (List<String> seq : key.dlQualifierSequences()) {
            int j = 0;
            boolean ok = true;
            for (int i = 1; i < ais.size(); i++) {
                while (j < seq.size() && !seq.get(j).equals(ais.get(i))) {
                    j++;
                }
                if (j >= seq.size()) {
                    ok = false;
                    break;
                }
                j++;
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** Whether inserting {@code ai} somewhere after the primary key would give a valid key-qualifier path. */
    private static boolean isQualifierPosition(AiDictionary dict, List<String> pathAis, String ai) {
        for (int j = 1; j <= pathAis.size(); j++) {
            List<String> trial = new ArrayList<>(pathAis.size() + 1);
            trial.addAll(pathAis.subList(0, j));
            trial.add(ai);
            trial.addAll(pathAis.subList(j, pathAis.size()));
            if (validPathSequence(dict, trial)) {
                return true;
            }
        }
        return false;
    }

    private static String describeSequences(AiEntry key) {
        List<String> alts = new ArrayList<>();
        for (List<String> seq : key.dlQualifierSequences()) {
            alts.add(seq.isEmpty() ? "none" : String.join(" > ", seq));
        }
        return String.join(" | ", alts);
    }
}
