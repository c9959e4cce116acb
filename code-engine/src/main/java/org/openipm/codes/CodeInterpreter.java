package org.openipm.codes;

import static org.openipm.codes.ProblemCodes.CHECK_DIGIT;
import static org.openipm.codes.ProblemCodes.TOO_LONG;
import static org.openipm.codes.ProblemCodes.TOO_LONG_FOR_PATTERNS;
import static org.openipm.codes.ProblemCodes.UNRECOGNISED;

import java.util.ArrayList;
import java.util.List;

import org.openipm.codes.gs1.AiDictionary;
import org.openipm.codes.gs1.DigitalLinkParser;
import org.openipm.codes.gs1.ElementStringParser;
import org.openipm.codes.gs1.Gs1Validator;
import org.openipm.codes.gs1.RawElement;

/**
 * Interprets what a scanner or a person produced: GS1 Digital Link URI, GS1 element string (scanner or bracketed
 * form), bare GTIN, IMEI / IMEISV, or a brand's proprietary code. Thread safe; never throws on any input.
 *
 * <p>Classification order: Digital Link URI ({@code http://} / {@code https://}) -> element string (symbology
 * identifier, GS separator or leading '(') -> all-digit inputs (8/12/13/14 digits GTIN, 15 IMEI, 16 IMEISV) ->
 * proprietary patterns (full match) -> UNKNOWN.
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
                return elementString(input, s, from + 3, false);
            }
            // Another symbology (e.g. ]Q1 QR Code with a URI, ]E0 EAN-13): interpret its payload.
            Interpretation inner = classify(input, s, from + 3, patterns, false);
            if (inner.kind() != CodeKind.UNKNOWN) {
                return inner;
            }
        }
        if (s.indexOf(ElementStringParser.GS, from) >= 0) {
            return elementString(input, s, from, false);
        }
        if (from < s.length() && s.charAt(from) == '(') {
            return elementString(input, s, from, true);
        }
        int len = s.length() - from;
        if (len > 0 && allDigits(s, from)) {
            String digits = s.substring(from);
            switch (len) {
                case 8, 12, 13 -> {
                    return gtin(input, digits, from);
                }
                case 14 -> {
                    // A 14-digit number is a GTIN-14 when its GS1 check digit is right. Otherwise it may be an IMEI
                    // written without its Luhn check digit (TAC + SNR): we say IMEI only when it starts with a GSMA
                    // reporting body identifier, else it is reported as a GTIN with a wrong check digit (a red flag).
                    if (Gtin.hasValidCheckDigit(digits) || !Imei.hasKnownReportingBody(digits)) {
                        return gtin(input, digits, from);
                    }
                    String imei = digits + Imei.luhnCheckDigit(digits);
                    return new Interpretation(input, CodeKind.IMEI, true, List.of(), null, imei, digits.substring(0, 8),
                            List.of(), List.of());
                }
                case 15 -> {
                    return imei(input, digits, from);
                }
                case 16 -> {
                    String imei = digits.substring(0, 14) + Imei.luhnCheckDigit(digits.substring(0, 14));
                    return new Interpretation(input, CodeKind.IMEI, true, List.of(), null, imei, digits.substring(0, 8),
                            List.of(), List.of());
                }
                default -> { /* fall through to proprietary */ }
            }
        }
        String code = s.substring(from);
        if (code.length() > MAX_PROPRIETARY_INPUT_LENGTH) {
            // Said whether or not any pattern exists, so the answer depends on the code only.
            return new Interpretation(input, CodeKind.UNKNOWN, false, List.of(), null, null, null, List.of(),
                    List.of(new Problem(UNRECOGNISED,
                                    "not a GS1 Digital Link, GS1 element string, GTIN or IMEI", null),
                            new Problem(TOO_LONG_FOR_PATTERNS, "proprietary code patterns are tried only on codes of"
                                    + " at most " + MAX_PROPRIETARY_INPUT_LENGTH + " characters; this one has "
                                    + code.length(), from + MAX_PROPRIETARY_INPUT_LENGTH)));
        }
        List<String> matched = code.isEmpty() || patterns.isEmpty() ? List.of() : patterns.idsMatching(code);
        if (!matched.isEmpty()) {
            return new Interpretation(input, CodeKind.PROPRIETARY, true, List.of(), null, null, null, matched,
                    List.of());
        }
        return new Interpretation(input, CodeKind.UNKNOWN, false, List.of(), null, null, null, List.of(),
                List.of(new Problem(UNRECOGNISED, s.length() == from ? "input is empty"
                        : "not a GS1 Digital Link, GS1 element string, GTIN, IMEI or registered proprietary code",
                        null)));
    }

    private Interpretation gtin(String input, String digits, int from) {
        int n = digits.length();
        int expected = Gtin.checkDigit(digits.substring(0, n - 1));
        int found = digits.charAt(n - 1) - '0';
        if (expected != found) {
            return new Interpretation(input, CodeKind.GTIN, false, List.of(), null, null, null, List.of(),
                    List.of(new Problem(CHECK_DIGIT, "GTIN-" + n + " check digit is " + found + " but should be "
                            + expected + " (a wrong check digit is a sign of a forged code)", from + n - 1)));
        }
        String gtin14 = "0".repeat(14 - n) + digits;
        return new Interpretation(input, CodeKind.GTIN, true, List.of(), gtin14, null, null, List.of(), List.of());
    }

    private Interpretation imei(String input, String digits, int from) {
        int expected = Imei.luhnCheckDigit(digits.substring(0, 14));
        int found = digits.charAt(14) - '0';
        if (expected != found) {
            return new Interpretation(input, CodeKind.IMEI, false, List.of(), null, null, digits.substring(0, 8),
                    List.of(), List.of(new Problem(CHECK_DIGIT, "IMEI check digit is " + found + " but should be "
                    + expected + " (a wrong check digit is a sign of a forged or mistyped IMEI)", from + 14)));
        }
        return new Interpretation(input, CodeKind.IMEI, true, List.of(), null, digits, digits.substring(0, 8),
                List.of(), List.of());
    }

    private Interpretation elementString(String input, String s, int from, boolean bracketed) {
        List<Problem> problems = new ArrayList<>();
        List<RawElement> raw = bracketed
                ? ElementStringParser.parseBracketed(dictionary, s, from, problems)
                : ElementStringParser.parseScanned(dictionary, s, from, problems);
        return gs1Result(input, CodeKind.GS1_ELEMENT_STRING, raw, false, problems);
    }

    private Interpretation digitalLink(String input, String s, int from) {
        List<Problem> problems = new ArrayList<>();
        List<RawElement> raw = DigitalLinkParser.parse(dictionary, s, from, problems);
        return gs1Result(input, CodeKind.GS1_DIGITAL_LINK, raw, true, problems);
    }

    private Interpretation gs1Result(String input, CodeKind kind, List<RawElement> raw, boolean dl,
                                     List<Problem> problems) {
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
                imei == null ? null : imei.substring(0, 8), List.of(), problems);
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

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(String s, int from, String prefix) {
        return s.regionMatches(true, from, prefix, 0, prefix.length());
    }
}
