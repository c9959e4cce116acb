package org.openipm.messaging.cases;

/** Where a case stands in the legal order of a border procedure (see CaseWorkflow for the allowed moves). */
public enum CaseStatus {
    FLAGGED, DETAINED, RIGHT_HOLDER_CONFIRMED, NOT_CONFIRMED, DESTROYED, PROCEEDINGS, RELEASED, SEIZED, CLOSED
}
