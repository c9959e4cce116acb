package org.openipm.events.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * An open legal period ended before it ran out (case.deadline-ended): {@code MET} when the act it waited for
 * happened, {@code CANCELLED} when the case moved past it. A period that runs out is case.deadline-missed.
 *
 * @param caseId also the record key
 * @param deadlineId the stored deadline
 * @param kind what the deadline asked
 * @param ruleId the rule that set it
 * @param state MET or CANCELLED
 * @param endedBy the status the case reached (e.g. RIGHT_HOLDER_CONFIRMED) or the procedure event recorded (e.g.
 *                IMPORTER_NOTIFIED)
 * @param endedAt when
 */
public record CaseDeadlineEnded(
        UUID caseId,
        UUID deadlineId,
        String kind,
        String ruleId,
        String state,
        String endedBy,
        Instant endedAt) {

    public static final String MET = "MET";
    public static final String CANCELLED = "CANCELLED";
}
