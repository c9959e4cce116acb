package org.openipm.events.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * The authority holding the goods recorded a step of the procedure that happened outside OpenIPM and that legal
 * periods count from or end on (case.procedure-event-recorded).
 *
 * @param caseId also the record key
 * @param event IMPORTER_NOTIFIED (19 CFR 133.21(b)), OBJECTION_NOTIFIED (the declarant objected to destruction, EU
 *              608/2013 Art. 23(3), 26(8)) or IMPORTER_RESPONDED (19 CFR 133.21(b), 133.25(a))
 * @param recordedBy the authority that recorded it
 * @param note what the officer added; null when nothing
 * @param recordedAt when
 */
public record CaseProcedureEventRecorded(
        UUID caseId,
        String event,
        CaseParty recordedBy,
        String note,
        Instant recordedAt) {
}
