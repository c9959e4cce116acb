package org.openipm.codes;

import static org.openipm.codes.ProblemCodes.CHECK_DIGIT;
import static org.openipm.codes.ProblemCodes.TOO_LONG;
import static org.openipm.codes.ProblemCodes.TOO_LONG_FOR_PATTERNS;
import static org.openipm.codes.ProblemCodes.UNRECOGNISED;

import java.util.ArrayList;
import java.util.List;

import org.openipm.codes.gs1.AiDictionary;
import org.openipm.codes.gs1.AiEntry;
import org.openipm.codes.gs1.DigitalLinkParser;
import org.openipm.codes.gs1.ElementStringParser;
import org.openipm.codes.gs1.Gs1Validator;
import org.openipm.codes.gs1.RawElement;

/**
 * Interprets what a scanner or a person produced: GS1 Digital Link URI, GS1 element string (scanner or bracketed
 * form), bare GTIN, IMEI / IMEISV, or a brand's proprietary code. Thread safe; never throws on any input.
 *
 * <p>Classification order: Digital Link URI ({@code http://} / {@code https://}, also compressed) -> element string
 * (symbology identifier, GS separator or leading '(') -> the readings of what remains, most likely first, the others
 * as {@link Interpretation#alternatives()}: an element string without symbology identifier that passes every GS1
 * rule and holds an identification key (after a valid GTIN-8/12/13/14 when the input is one), digits (8/12/13/14
 * GTIN, 15 IMEI, 16 IMEISV, with or without separators), proprietary patterns (full match) -> UNKNOWN.
 */
public final class CodeInterpreter {

    public static final int MAX_INPUT_LENGTH = 2048;
    /** Proprietary patterns are only tried on codes up to this length: see {@link PatternLimits}. */
    public static final int MAX_PROPRIETARY_INPUT_LENGTH = PatternLimits.MAX_CODE_LENGTH_FOR_PATTERNS;

    /** Symbology identifiers (ISO/IEC 15424) of carriers whose data is GS1 element strings. */
    private static final List<String> GS1_SYMBOLOGY_IDS = List.of("]C1", "]e0", "]e1", "]e2", "]d2", "]Q3", "]J1");

    private final AiDictionary dictionary;

    public CodeInterpreter() {
        this.dictionary = AiDictionary.bundled();
    }

    public Interpretation interpret(String input) {
        return interpret(input, List.of());
    }

    public Interpretation interpret(String input, List<ProprietaryPattern> patterns) {
        return interpret(input, patterns == null ? PatternSet.EMPTY : PatternSet.of(patterns));
    }

    /** With patterns compiled once for many interpretations (what a service holding every brand's patterns does). */
    public Interpretation interpret(String input, PatternSet patterns) {
        try {
            return doInterpret(input == null ? "" : input, patterns == null ? PatternSet.EMPTY : patterns);
        } catch (RuntimeException | StackOverflowError e) {
            // Defensive: never throw on user input.
            return new Interpretation(input, CodeKind.UNKNOWN, false, List.of(), null, null, null, List.of(),
                    List.of(new Problem(UNRECOGNISED, "input could not be interpreted", null)));
        }
    }

    private Interpretation doInterpret(String input, PatternSet patterns) {
        if (input.length() > MAX_INPUT_LENGTH) {
            return new Interpretation(input, CodeKind.UNKNOWN, false, List.of(), null, null, null, List.of(),
                    List.of(new Problem(TOO_LONG, "input is " + input.length() + " characters long, at most "
                            + MAX_INPUT_LENGTH + " are accepted", MAX_INPUT_LENGTH)));
        }
        // Scanners often append CR/LF; people add spaces. Trim ASCII whitespace but keep positions in the input.
        int start = 0;
        int end = input.length();
        while (start < end && isTrimmable(input.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(input.charAt(end - 1))) {
            end--;
        }
        String s = input.substring(0, end);
        return classify(input, s, start, patterns, true);
    }

    private static boolean isTrimmable(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private Interpretation classify(String input, String s, int from, PatternSet patterns,
                                    boolean allowSymbologyId) {
        if (startsWithIgnoreCase(s, from, "http://") || startsWithIgnoreCase(s, from, "https://")) {
            return digitalLink(input, s, from);
        }
        if (allowSymbologyId && s.length() - from >= 3 && s.charAt(from) == ']') {
            String id = s.substring(from, from + 3);
            if (GS1_SYMBOLOGY_IDS.contains(id)) {
                return elementString(input, s, from + 3, false, true);
            }
            // Another symbology (e.g. ]Q1 QR Code with a URI, ]E0 EAN-13): interpret its payload.
            Interpretation inner = classify(input, s, from + 3, patterns, false);
            if (inner.kind() != CodeKind.UNKNOWN) {
                return inner;
            }
        }
        if (s.indexOf(ElementStringParser.GS, from) >= 0) {
            return elementString(input, s, from, false, !allowSymbologyId);
        }
        if (from < s.length() && s.charAt(from) == '(') {
            return elementString(input, s, from, true, true);
        }
        // Readings of the remaining forms, most likely first: element string sent without symbology identifier,
        // digits (GTIN, IMEI, IMEISV; also written with separators), brand patterns.
        Interpretation gs1 = allowSymbologyId ? unprefixedElementString(input, s, from) : null;
        Interpretation digits = digitsReading(input, s, from);
        String code = s.substring(from);
        List<String> matched = code.isEmpty() || patterns.isEmpty() || code.length() > MAX_PROPRIETARY_INPUT_LENGTH
                ? List.of() : patterns.idsMatching(code);
        Interpretation proprietary = matched.isEmpty() ? null
                : new Interpretation(input, CodeKind.PROPRIETARY, true, List.of(), null, null, null, matched, List.of());
        List<Interpretation> readings = new ArrayList<>(3);
        if (gs1 != null && digits != null && digits.kind() == CodeKind.GTIN && digits.valid()) {
            readings.add(digits);          // a well-formed GTIN-8/12/13/14 is far likelier than an element string
            readings.add(gs1);
        } else {
            if (gs1 != null) {
                readings.add(gs1);
            }
            if (digits != null && (gs1 == null || digits.valid())) {
                readings.add(digits);
            }
        }
        if (proprietary != null) {
            readings.add(proprietary);
        }
        if (!readings.isEmpty()) {
            return readings.get(0).withAlternatives(readings.subList(1, readings.size()));
        }
        if (code.length() > MAX_PROPRIETARY_INPUT_LENGTH) {
            // Said whether or not any pattern exists, so the answer depends on the code only.
            return new Interpretation(input, CodeKind.UNKNOWN, false, List.of(), null, null, null, List.of(),
                    List.of(new Problem(UNRECOGNISED,
                                    "not a GS1 Digital Link, GS1 element string, GTIN or IMEI", null),
                            new Problem(TOO_LONG_FOR_PATTERNS, "proprietary code patterns are tried only on codes of"
                                    + " at most " + MAX_PROPRIETARY_INPUT_LENGTH + " characters; this one has "
                                    + code.length(), from + MAX_PROPRIETARY_INPUT_LENGTH)));
        }
        return new Interpretation(input, CodeKind.UNKNOWN, false, List.of(), null, null, null, List.of(),
                List.of(new Problem(UNRECOGNISED, s.length() == from ? "input is empty"
                        : "not a GS1 Digital Link, GS1 element string, GTIN, IMEI or registered proprietary code",
                        null)));
    }

    /**
     * An input without symbology identifier read as a GS1 element string, when it parses completely, passes every
     * GS1 rule (check digits, lengths, linters, associations) and holds an identification key; else null.
     */
    private Interpretation unprefixedElementString(String input, String s, int from) {
        if (s.length() - from < 4 || !isDigit(s.charAt(from)) || !isDigit(s.charAt(from + 1))) {
            return null;
        }
        Interpretation i = elementString(input, s, from, false, false);
        if (!i.valid()) {
            return null;
        }
        for (Element e : i.elements()) {
            AiEntry entry = dictionary.get(e.ai());
            if (entry != null && (entry.isDlPrimaryKey() || GTIN_AIS.contains(e.ai()))) {
                return i;
            }
        }
        return null;
    }

    /**
     * All-digit inputs (8/12/13/14 digits GTIN, 14 IMEI without check digit, 15 IMEI, 16 IMEISV); an IMEI or IMEISV
     * also with single spaces or hyphens between digit groups, as they are printed ({@code 35-209900-176148-1});
     * else null.
     */
    private Interpretation digitsReading(String input, String s, int from) {
        int n = s.length() - from;
        if (n <= 0 || !isDigit(s.charAt(from)) || !isDigit(s.charAt(s.length() - 1))) {
            return null;
        }
        int[] at = new int[n];
        StringBuilder digits = new StringBuilder(n);
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                at[digits.length()] = i;
                digits.append(c);
            } else if (!((c == ' ' || c == '-') && isDigit(s.charAt(i - 1)))) {
                return null;                       // only single separators between digits
            }
        }
        boolean separated = digits.length() < n;
        if (separated && digits.length() != 15 && digits.length() != 16) {
            return null;                           // separators only for IMEI / IMEISV: "2025-12-31" is no GTIN-8
        }
        Interpretation r = digitsReading(input, digits.toString(), at);
        if (r != null && separated) {
            r = r.withNote(new Note(Note.SEPARATORS_REMOVED, "spaces and hyphens between the digits were removed"));
        }
        return r;
    }

    private Interpretation digitsReading(String input, String digits, int[] at) {
        switch (digits.length()) {
            case 8, 12, 13 -> {
                return gtin(input, digits, at);
            }
            case 14 -> {
                // A 14-digit number is a GTIN-14 when its GS1 check digit is right. Otherwise it may be an IMEI
                // written without its Luhn check digit (TAC + SNR): we say IMEI only when it starts with a GSMA
                // reporting body identifier, else it is reported as a GTIN with a wrong check digit (a red flag).
                if (Gtin.hasValidCheckDigit(digits) || !Imei.hasKnownReportingBody(digits)) {
                    return gtin(input, digits, at);
                }
                String imei = digits + Imei.luhnCheckDigit(digits);
                return new Interpretation(input, CodeKind.IMEI, true, List.of(), null, imei, digits.substring(0, 8),
                        List.of(), List.of());
            }
            case 15 -> {
                return imei(input, digits, at);
            }
            case 16 -> {
                String imei = digits.substring(0, 14) + Imei.luhnCheckDigit(digits.substring(0, 14));
                return new Interpretation(input, CodeKind.IMEI, true, List.of(), null, imei, digits.substring(0, 8),
                        List.of(), List.of());
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Interpretation gtin(String input, String digits, int[] at) {
        int n = digits.length();
        int expected = Gtin.checkDigit(digits.substring(0, n - 1));
        int found = digits.charAt(n - 1) - '0';
        if (expected != found) {
            return new Interpretation(input, CodeKind.GTIN, false, List.of(), null, null, null, List.of(),
                    List.of(new Problem(CHECK_DIGIT, "GTIN-" + n + " check digit is " + found + " but should be "
                            + expected + " (a wrong check digit is a sign of a forged code)", at[n - 1])));
        }
        String gtin14 = "0".repeat(14 - n) + digits;
        return new Interpretation(input, CodeKind.GTIN, true, List.of(), gtin14, null, null, List.of(), List.of());
    }

    private Interpretation imei(String input, String digits, int[] at) {
        int expected = Imei.luhnCheckDigit(digits.substring(0, 14));
        int found = digits.charAt(14) - '0';
        if (expected != found) {
            return new Interpretation(input, CodeKind.IMEI, false, List.of(), null, null, digits.substring(0, 8),
                    List.of(), List.of(new Problem(CHECK_DIGIT, "IMEI check digit is " + found + " but should be "
                    + expected + " (a wrong check digit is a sign of a forged or mistyped IMEI)", at[14])));
        }
        return new Interpretation(input, CodeKind.IMEI, true, List.of(), null, digits, digits.substring(0, 8),
                List.of(), List.of());
    }

    private Interpretation elementString(String input, String s, int from, boolean bracketed, boolean identified) {
        List<Problem> problems = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<RawElement> raw = bracketed
                ? ElementStringParser.parseBracketed(dictionary, s, from, problems)
                : ElementStringParser.parseScanned(dictionary, s, from, problems);
        if (!identified) {
            notes.add(new Note(Note.NO_SYMBOLOGY_IDENTIFIER, "no symbology identifier (such as ]C1 or ]d2) came "
                    + "with the data; read as a GS1 element string"));
        }
        return gs1Result(input, CodeKind.GS1_ELEMENT_STRING, raw, false, problems, notes);
    }

    private Interpretation digitalLink(String input, String s, int from) {
        List<Problem> problems = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<RawElement> raw = DigitalLinkParser.parse(dictionary, s, from, problems, notes);
        return gs1Result(input, CodeKind.GS1_DIGITAL_LINK, raw, true, problems, notes);
    }

    private Interpretation gs1Result(String input, CodeKind kind, List<RawElement> raw, boolean dl,
                                     List<Problem> problems, List<Note> notes) {
        List<Element> elements = List.of();
        if (raw != null) {
            elements = Gs1Validator.validate(raw, dl, problems);
        }
        String imei = null;
        for (Element e : elements) {
            if (e.ai().equals("8040") && Imei.luhnValid(e.value())) {   // AI (8040) IMEI on device packaging
                imei = e.value();
            }
        }
        return new Interpretation(input, kind, problems.isEmpty(), elements, gtinOf(elements), imei,
                imei == null ? null : imei.substring(0, 8), List.of(), problems, notes, List.of());
    }

    /** AIs carrying a GTIN in their first 14 digits, by preference: GTIN, CONTENT, MTO GTIN, ITIP, ITIP CONTENT. */
    private static final List<String> GTIN_AIS = List.of("01", "02", "03", "8006", "8026");

    private static String gtinOf(List<Element> elements) {
        for (String ai : GTIN_AIS) {
            for (Element e : elements) {
                if (e.ai().equals(ai) && e.value().length() >= 14) {
                    String g = e.value().substring(0, 14);
                    if (Gtin.validationProblem(g).isEmpty()) {
                        return g;
                    }
                }
            }
        }
        return null;
    }

    private static boolean startsWithIgnoreCase(String s, int from, String prefix) {
        return s.regionMatches(true, from, prefix, 0, prefix.length());
    }
}
