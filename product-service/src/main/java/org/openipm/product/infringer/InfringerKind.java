package org.openipm.product.infringer;

/** What a brand lists about a known infringer; each kind is matched against one part of a shipment. */
public enum InfringerKind {
    /** An online shop's address (a page on a marketplace, a shop's site), matched against the seller URL. */
    SELLER_URL,
    /** A shop's domain, matched against the seller URL's host and its subdomains. */
    SELLER_DOMAIN,
    /** A consignor's name, matched against the shipment's consignor name. */
    CONSIGNOR_NAME,
    /** A consignor's address, matched against the shipment's consignor address. */
    CONSIGNOR_ADDRESS
}
