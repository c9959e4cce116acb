package org.openipm.messaging.cases.rules;

/** The track a detained shipment follows; it decides a few extra moves in {@link CaseWorkflow}. */
public enum Procedure {
    /** Suspension or detention, the right holder confirms, then destruction, proceedings or release. */
    STANDARD,
    /**
     * EU 608/2013 Art. 26: small consignments are destroyed on the declarant's agreement (or deemed agreement)
     * without the right holder's confirmation; an objection leads to proceedings.
     */
    SMALL_CONSIGNMENT
}
