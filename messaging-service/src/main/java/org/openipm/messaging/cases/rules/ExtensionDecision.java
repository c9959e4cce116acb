package org.openipm.messaging.cases.rules;

/** The answer of {@link LegalClock#extend}: the moved deadline, or why the law does not allow it. */
public sealed interface ExtensionDecision {

    /** The period is extended; the service stores {@code deadline} in place of the old one. */
    record Extended(Deadline deadline) implements ExtensionDecision {
    }

    /** Nothing changes; {@code detail} says why, citing the law (the service answers 409 with it). */
    record Refused(Reason reason, String detail) implements ExtensionDecision {
    }

    enum Reason {
        /** The rule allows no extension (e.g. perishable goods, EU 608/2013 Art. 23(4)). */
        NOT_EXTENSIBLE,
        /** The allowed number of extensions is used up. */
        LIMIT_REACHED,
        /** The request asks for more days than one extension may give, or for none. */
        TOO_LONG,
        /** The period has already run out: an ended period cannot be extended. */
        PERIOD_ENDED
    }
}
