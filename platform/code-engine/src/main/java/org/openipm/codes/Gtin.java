package org.openipm.codes;

import java.util.Optional;

import org.openipm.codes.gs1.Linters;

/** GTIN helpers (GS1 General Specifications 7.9: mod-10 check digit; GTIN-8/12/13/14). */
public final class Gtin {
    private Gtin() {}

    /** Whether {@code digits} (any GS1 mod-10 key, 2+ digits, check digit last) has a correct check digit. */
    public static boolean hasValidCheckDigit(String digits) {
        if (digits == null || digits.length() < 2 || !allDigits(digits)) {
            return false;
        }
        return checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /** The GS1 mod-10 check digit for the digits {@code body} (check digit not included). */
    public static int checkDigit(String body) {
        if (body == null || !allDigits(body)) {
            throw new IllegalArgumentException("check digit body must be digits only");
        }
        return Linters.gs1CheckDigit(body);
    }

    /**
     * Normalises a GTIN-8, -12, -13 or -14 to 14 digits (left zero padding).
     *
     * @throws IllegalArgumentException with a precise message for a bad length, character or check digit
     */
    public static String normaliseTo14(String gtin8to14) {
        Optional<String> problem = validationProblem(gtin8to14);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return "0".repeat(14 - gtin8to14.length()) + gtin8to14;
    }

    /** A human message describing why {@code gtin} is not a valid GTIN-8/12/13/14, or empty if it is valid. */
    public static Optional<String> validationProblem(String gtin) {
        if (gtin == null || gtin.isEmpty()) {
            return Optional.of("GTIN is empty");
        }
        for (int i = 0; i < gtin.length(); i++) {
            char c = gtin.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("GTIN must contain digits only; found '" + c + "' at position " + i);
            }
        }
        int n = gtin.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return Optional.of("GTIN must have 8, 12, 13 or 14 digits; found " + n);
        }
        int expected = Linters.gs1CheckDigit(gtin.substring(0, n - 1));
        int found = gtin.charAt(n - 1) - '0';
        if (expected != found) {
            return Optional.of("GTIN check digit is " + found + " but should be " + expected);
        }
        return Optional.empty();
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
