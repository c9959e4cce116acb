package org.openipm.messaging.authority;

/** Where an office controls goods: the kind of place decides which procedures usually apply (small parcels: post, express). */
public enum OfficeKind {
    PORT, AIRPORT, POSTAL_HUB, EXPRESS_HUB, LAND_BORDER, OTHER
}
