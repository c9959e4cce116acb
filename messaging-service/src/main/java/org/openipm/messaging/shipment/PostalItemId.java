package org.openipm.messaging.shipment;

import org.openipm.messaging.Countries;

/**
 * A UPU S10 postal item identifier: 2 letters of service indicator, 8-digit serial, check digit, and the ISO 3166-1
 * alpha-2 code of the issuing country, e.g. EE123456785GB.
 * <p>
 * Check digit: the serial's digits weighted 8 6 4 2 3 5 9 7 and summed; 11 minus the sum modulo 11, where 10 gives 0
 * and 11 gives 5.
 */
public record PostalItemId(String serviceIndicator, String serial, int checkDigit, String country) {

    private static final int[] WEIGHTS = { 8, 6, 4, 2, 3, 5, 9, 7 };

    public String value() {
        return serviceIndicator + serial + checkDigit + country;
    }

    public static PostalItemId parse(String input) {
        String s = Identifiers.compact(input);
        if (!s.matches("^[A-Z]{2}[0-9]{9}[A-Z]{2}$")) {
            throw new InvalidIdentifierException("a postal item id (UPU S10) is 2 letters, 8 digits, a check digit "
                    + "and a 2-letter country code, e.g. EE123456785GB; got " + Identifiers.quote(input));
        }
        String country = s.substring(11);
        if (!Countries.isAssigned(country)) {
            throw new InvalidIdentifierException("postal item id " + s + " ends in " + country
                    + ", which is not an ISO 3166-1 country code");
        }
        String serial = s.substring(2, 10);
        int expected = checkDigitOf(serial);
        int found = s.charAt(10) - '0';
        if (expected != found) {
            throw new InvalidIdentifierException("the check digit of postal item id " + s + " is " + found
                    + " but UPU S10 gives " + expected + " (a typing error, or a forged label)");
        }
        return new PostalItemId(s.substring(0, 2), serial, found, country);
    }

    static int checkDigitOf(String serial) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (serial.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 0 : check == 11 ? 5 : check;
    }
}
