package org.openipm.messaging.cases.rules;

/** Who asks to move a case, as the service resolves the caller against the case's participants. */
public enum ActorKind {
    /** An officer of the authority that flagged the shipment: it holds the goods and runs the procedure. */
    AUTHORITY,
    /** A right holder taking part in the case because its products are concerned. */
    BRAND,
    /** Another country's authority invited by a participant: reads and posts, never moves the status. */
    INVITED_AUTHORITY
}
