package org.openipm.messaging.cases.timeline;

/** What a timeline entry records; each change of a case that has a case-events record has its kind here. */
public enum TimelineKind {
    OPENED,
    LINKED,
    PARTICIPANT_INVITED,
    STATUS_CHANGED,
    MESSAGE_POSTED,
    DEADLINE_STARTED,
    DEADLINE_EXTENDED,
    DEADLINE_APPROACHING,
    DEADLINE_MISSED,
    /** An open deadline was met or cancelled before it ran out. */
    DEADLINE_ENDED,
    /** A procedure step outside OpenIPM that legal periods count from or end on (e.g. the importer notified). */
    PROCEDURE_EVENT_RECORDED,
    /** An officer exported the signed dossier. */
    DOSSIER_EXPORTED,
    /** A participant corrects an earlier entry; the earlier one stays as it was. */
    CORRECTION,
    /** Hook for red flags (infringer package): the consignor or seller matches a brand's list of known infringers. */
    INFRINGER_MATCHED,
    /** A seizure reported by a customs system joined the case. */
    SEIZURE_ATTACHED
}
