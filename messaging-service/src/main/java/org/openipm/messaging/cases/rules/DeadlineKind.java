package org.openipm.messaging.cases.rules;

/** What a deadline asks of whom; the rule table says which law sets it. */
public enum DeadlineKind {
    /** The authority decides to release or detain goods presented for examination. */
    RELEASE_OR_DETAIN_DECISION,
    /** The right holder confirms the infringement in writing and agrees to destruction. */
    RIGHT_HOLDER_CONFIRMATION,
    /** The declarant or holder of the goods objects to destruction; silence is deemed agreement. */
    DECLARANT_OBJECTION,
    /** The right holder starts court proceedings. */
    PROCEEDINGS_INITIATION,
    /** The authority notifies the importer of the detention. */
    IMPORTER_NOTICE,
    /** The importer shows the goods are not infringing before information goes to the right holder. */
    IMPORTER_RESPONSE,
    /** Goods not released by then are treated as excluded. */
    DEEMED_EXCLUSION,
    /** Restricted articles stay detained until then unless the importer shows an exception applies. */
    RESTRICTED_DETENTION
}
