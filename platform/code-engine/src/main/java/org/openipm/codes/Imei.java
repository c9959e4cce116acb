package org.openipm.codes;

import java.util.Optional;

/**
 * IMEI helpers (3GPP TS 23.003 clause 6.2): IMEI = TAC (8 digits) + SNR (6 digits) + check digit (Luhn);
 * IMEISV = TAC + SNR + SVN (2 digits), without check digit.
 */
public final class Imei {
    private Imei() {}

    /** Whether {@code fifteen} is 15 digits with a correct Luhn check digit. */
    public static boolean luhnValid(String fifteen) {
        if (fifteen == null || fifteen.length() != 15 || !Gtin.allDigits(fifteen)) {
            return false;
        }
        return luhnCheckDigit(fifteen.substring(0, 14)) == fifteen.charAt(14) - '0';
    }

    /** The Luhn check digit over the 14 digits TAC + SNR. */
    public static int luhnCheckDigit(String fourteen) {
        if (fourteen == null || !Gtin.allDigits(fourteen) || fourteen.isEmpty()) {
            throw new IllegalArgumentException("Luhn body must be digits only");
        }
        int sum = 0;
        boolean dbl = true;                       // the digit left of the check digit is doubled
        for (int i = fourteen.length() - 1; i >= 0; i--) {
            int d = fourteen.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * The 8-digit Type Allocation Code of an IMEI (14 or 15 digits) or IMEISV (16 digits).
     *
     * @throws IllegalArgumentException if {@code imei} is not 14, 15 or 16 digits
     */
    public static String tacOf(String imei) {
        if (imei == null || imei.length() < 14 || imei.length() > 16 || !Gtin.allDigits(imei)) {
            throw new IllegalArgumentException("an IMEI has 14, 15 or 16 (IMEISV) digits");
        }
        return imei.substring(0, 8);
    }

    /**
     * The 15-digit IMEI (with its Luhn check digit) for an IMEI of 14 digits (check digit added), 15 digits (returned
     * if the check digit is valid) or an IMEISV of 16 digits (software version dropped, check digit added).
     */
    public static Optional<String> toImei15(String imei) {
        if (imei == null || !Gtin.allDigits(imei)) {
            return Optional.empty();
        }
        return switch (imei.length()) {
            case 14 -> Optional.of(imei + luhnCheckDigit(imei));
            case 15 -> luhnValid(imei) ? Optional.of(imei) : Optional.empty();
            case 16 -> Optional.of(imei.substring(0, 14) + luhnCheckDigit(imei.substring(0, 14)));
            default -> Optional.empty();
        };
    }

    /**
     * Whether the first two digits are a reporting body identifier allocated by the GSMA (the first two digits of a
     * TAC). Used to tell a 14-digit IMEI without check digit from a GTIN-14 with a wrong check digit.
     */
    public static boolean hasKnownReportingBody(String digits) {
        if (digits == null || digits.length() < 2) {
            return false;
        }
        return switch (digits.substring(0, 2)) {
            case "01", "10", "30", "33", "35", "44", "45", "49", "50", "51", "52", "53", "54", "86", "91", "98", "99" -> true;
            default -> false;
        };
    }
}
