package org.openipm.messaging.cases;

/** What a suspected product's code matched in the catalogue copy. */
public enum MatchOutcome {
    /** A product of a brand whose ownership of the GTIN is verified (or a product the officer named): the brand takes part. */
    VERIFIED,
    /** A product of a brand that claims the GTIN without verification: shown to officers, never makes a participant. */
    UNVERIFIED,
    /** Nothing in the catalogue, or not a readable code. */
    UNMATCHED
}
