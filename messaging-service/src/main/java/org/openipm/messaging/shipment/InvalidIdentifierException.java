package org.openipm.messaging.shipment;

/** A shipment identifier that breaks its standard; the message says exactly how, for the officer. */
public class InvalidIdentifierException extends RuntimeException {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
