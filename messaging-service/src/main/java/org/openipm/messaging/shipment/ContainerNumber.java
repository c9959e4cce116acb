package org.openipm.messaging.shipment;

/**
 * An ISO 6346 freight container number: owner code (3 letters), equipment category (U freight container, J detachable
 * equipment, Z trailer or chassis), 6-digit serial, check digit. Written with or without spaces, e.g. CSQU3054383 or
 * CSQU 305438 3.
 * <p>
 * Check digit: each of the first ten characters gets a value (digits their own; letters 10 upwards, skipping 11 and
 * its multiples: A=10, B=12 ... K=21, L=23 ... U=32, V=34 ... Z=38), multiplied by 2 to the power of its position
 * (0 to 9); the sum modulo 11, and a remainder of 10 counts as 0.
 */
public record ContainerNumber(String ownerCode, char category, String serial, int checkDigit) {

    /** The number as it is written on the container, without spaces. */
    public String value() {
        return ownerCode + category + serial + checkDigit;
    }

    public static ContainerNumber parse(String input) {
        String s = Identifiers.compact(input);
        if (!s.matches("^[A-Z]{3}[A-Z][0-9]{6}[0-9]$")) {
            throw new InvalidIdentifierException("a container number is 3 letters of owner code, a category letter, "
                    + "6 digits of serial and a check digit, e.g. CSQU3054383; got " + Identifiers.quote(input));
        }
        char category = s.charAt(3);
        if (category != 'U' && category != 'J' && category != 'Z') {
            throw new InvalidIdentifierException("the equipment category of container number " + s + " is "
                    + category + "; ISO 6346 knows U (freight container), J (detachable equipment) and Z (trailer "
                    + "or chassis)");
        }
        int expected = checkDigitOf(s.substring(0, 10));
        int found = s.charAt(10) - '0';
        if (expected != found) {
            throw new InvalidIdentifierException("the check digit of container number " + s + " is " + found
                    + " but ISO 6346 gives " + expected + " (a typing error, or a forged number)");
        }
        return new ContainerNumber(s.substring(0, 3), category, s.substring(4, 10), found);
    }

    /** The check digit of owner code, category and serial (10 characters). */
    static int checkDigitOf(String first10) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += valueOf(first10.charAt(i)) << i;
        }
        return sum % 11 % 10;
    }

    private static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int value = 10 + (c - 'A');
        // Letters run from 10 but skip 11, 22 and 33 (multiples of the modulus).
        return value + (value - 1) / 10;
    }
}
