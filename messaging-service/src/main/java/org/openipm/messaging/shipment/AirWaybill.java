package org.openipm.messaging.shipment;

/**
 * An IATA air waybill number: the airline's 3-digit prefix, then an 8-digit serial whose last digit is the first
 * seven modulo 7. Written with or without a hyphen or space, e.g. 020-12345675.
 */
public record AirWaybill(String airlinePrefix, String serial) {

    /** The number as airlines print it: prefix, hyphen, serial. */
    public String value() {
        return airlinePrefix + "-" + serial;
    }

    public static AirWaybill parse(String input) {
        String s = Identifiers.compact(input);
        if (!s.matches("^[0-9]{11}$")) {
            throw new InvalidIdentifierException("an air waybill number is a 3-digit airline prefix and an 8-digit "
                    + "serial, e.g. 020-12345675; got " + Identifiers.quote(input));
        }
        String serial = s.substring(3);
        int expected = (int) (Long.parseLong(serial.substring(0, 7)) % 7);
        int found = serial.charAt(7) - '0';
        if (expected != found) {
            throw new InvalidIdentifierException("the check digit of air waybill " + s.substring(0, 3) + "-" + serial
                    + " is " + found + " but the first seven digits of the serial modulo 7 give " + expected);
        }
        return new AirWaybill(s.substring(0, 3), serial);
    }
}
