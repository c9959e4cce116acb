package org.openipm.events.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The authority holding the goods extended an open legal period as its rule allows (case.deadline-extended).
 *
 * @param caseId also the record key
 * @param deadlineId the stored deadline
 * @param kind what the deadline asks
 * @param ruleId the rule that set it
 * @param citation the legal source, with the extension's
 * @param previousLastDay the last day before the extension
 * @param lastDay the new last day
 * @param dueAt the end of the new last day: midnight in the office's time zone
 * @param days by how many days (in the rule's unit)
 * @param extensions how many times the period has now been extended
 * @param justification why, as the authority wrote it
 * @param extendedBy the authority
 * @param extendedAt when
 */
public record CaseDeadlineExtended(
        UUID caseId,
        UUID deadlineId,
        String kind,
        String ruleId,
        String citation,
        LocalDate previousLastDay,
        LocalDate lastDay,
        Instant dueAt,
        int days,
        int extensions,
        String justification,
        CaseParty extendedBy,
        Instant extendedAt) {
}
