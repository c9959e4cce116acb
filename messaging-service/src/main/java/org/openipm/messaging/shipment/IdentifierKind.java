package org.openipm.messaging.shipment;

/** How a flagged shipment is identified; each kind but a free reference is checked against its standard. */
public enum IdentifierKind {
    /** ISO 6346 container number. */
    CONTAINER,
    /** IATA air waybill number. */
    AIR_WAYBILL,
    /** UPU S10 postal item identifier. */
    POSTAL_ITEM,
    /** Anything else (a declaration number, an express carrier's tracking number): kept as typed, never linked. */
    REFERENCE;

    /** The identifier written the one way it is stored and compared; throws when it breaks its standard. */
    public String normalise(String value) {
        return switch (this) {
            case CONTAINER -> ContainerNumber.parse(value).value();
            case AIR_WAYBILL -> AirWaybill.parse(value).value();
            case POSTAL_ITEM -> PostalItemId.parse(value).value();
            case REFERENCE -> reference(value);
        };
    }

    /** Whether the same identifier seen by another office means the same physical shipment. */
    public boolean identifiesOneShipment() {
        return this != REFERENCE;
    }

    private static String reference(String value) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > 100 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidIdentifierException("a free reference is 1 to 100 printable characters");
        }
        return stripped;
    }
}
