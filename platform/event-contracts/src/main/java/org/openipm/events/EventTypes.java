package org.openipm.events;

/** CloudEvents {@code type} values: reverse-DNS of the producing service, then the fact, then the schema version. */
public final class EventTypes {
    public static final String PRODUCT_DRAFTED = "org.openipm.product.ProductDrafted.v1";
    public static final String PRODUCT_PUBLISHED = "org.openipm.product.ProductPublished.v1";
    public static final String PRODUCT_RETIRED = "org.openipm.product.ProductRetired.v1";
    public static final String PRODUCT_VIEWED = "org.openipm.lookup.ProductViewed.v1";
    public static final String AUTHENTICATION_REQUESTED = "org.openipm.authentication.AuthenticationRequested.v1";
    public static final String AUTHENTICATION_COMPLETED = "org.openipm.authentication.AuthenticationCompleted.v1";
    public static final String SHIPMENT_FLAGGED = "org.openipm.messaging.ShipmentFlagged.v1";
    /** {@code case.opened} on {@code case-events}. */
    public static final String CASE_OPENED = "org.openipm.messaging.CaseOpened.v1";
    /** {@code case.linked} on {@code case-events}. */
    public static final String CASE_LINKED = "org.openipm.messaging.CaseLinked.v1";
    /** {@code case.participant-invited} on {@code case-events}. */
    public static final String CASE_PARTICIPANT_INVITED = "org.openipm.messaging.CaseParticipantInvited.v1";
    /** {@code case.status-changed} on {@code case-events}. */
    public static final String CASE_STATUS_CHANGED = "org.openipm.messaging.CaseStatusChanged.v1";
    /** {@code case.message-posted} on {@code case-events}. */
    public static final String CASE_MESSAGE_POSTED = "org.openipm.messaging.CaseMessagePosted.v1";
    /** {@code case.deadline-approaching} on {@code case-events}. */
    public static final String CASE_DEADLINE_APPROACHING = "org.openipm.messaging.CaseDeadlineApproaching.v1";
    /** {@code case.deadline-missed} on {@code case-events}. */
    public static final String CASE_DEADLINE_MISSED = "org.openipm.messaging.CaseDeadlineMissed.v1";
    /** {@code case.infringer-matched} on {@code case-events}. */
    public static final String CASE_INFRINGER_MATCHED = "org.openipm.messaging.CaseInfringerMatched.v1";
    /** A brand listed a known infringer or changed the entry, on {@code brand-infringers}. */
    public static final String INFRINGER_LISTED = "org.openipm.product.InfringerListed.v1";
    /** A brand removed an entry from its list of known infringers, on {@code brand-infringers}. */
    public static final String INFRINGER_DELISTED = "org.openipm.product.InfringerDelisted.v1";
    /** {@code case.deadline-started} on {@code case-events}. */
    public static final String CASE_DEADLINE_STARTED = "org.openipm.messaging.CaseDeadlineStarted.v1";
    /** {@code case.deadline-extended} on {@code case-events}. */
    public static final String CASE_DEADLINE_EXTENDED = "org.openipm.messaging.CaseDeadlineExtended.v1";
    /** {@code case.deadline-ended} on {@code case-events}: met or cancelled before it ran out. */
    public static final String CASE_DEADLINE_ENDED = "org.openipm.messaging.CaseDeadlineEnded.v1";
    /** {@code case.procedure-event-recorded} on {@code case-events}. */
    public static final String CASE_PROCEDURE_EVENT_RECORDED = "org.openipm.messaging.CaseProcedureEventRecorded.v1";
    /** {@code case.timeline-corrected} on {@code case-events}. */
    public static final String CASE_TIMELINE_CORRECTED = "org.openipm.messaging.CaseTimelineCorrected.v1";
    /** {@code case.dossier-exported} on {@code case-events}. */
    public static final String CASE_DOSSIER_EXPORTED = "org.openipm.messaging.CaseDossierExported.v1";
    /** {@code case.seizure-attached} on {@code case-events}. */
    public static final String CASE_SEIZURE_ATTACHED = "org.openipm.messaging.CaseSeizureAttached.v1";
    /** A seizure reported by a customs system, on {@code seizure-reported}. */
    public static final String SEIZURE_REPORTED = "org.openipm.messaging.SeizureReported.v1";
    /** A seizure matched to its brands, on {@code seizure-matched}. */
    public static final String SEIZURE_MATCHED = "org.openipm.messaging.SeizureMatched.v1";
    /**
     * A seizure (joining no case) whose consignor or online seller matches one brand's list of known infringers,
     * on {@code seizure-matched}.
     */
    public static final String SEIZURE_INFRINGER_MATCHED = "org.openipm.messaging.SeizureInfringerMatched.v1";

    /** A brand's alert on its own topic {@code alerts.<brand id>}. */
    public static final String ALERT_RAISED = "org.openipm.notification.AlertRaised.v1";

    private EventTypes() {
    }
}
