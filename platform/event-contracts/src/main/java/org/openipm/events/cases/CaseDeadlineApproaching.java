package org.openipm.events.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A legal deadline of a case is near (case.deadline-approaching): the configured lead before it ends, once.
 * Published once per deadline, also across restarts; an extension that moves the deadline makes a new notice.
 *
 * @param caseId also the record key
 * @param deadlineId the stored deadline
 * @param kind what the deadline asks, e.g. RIGHT_HOLDER_CONFIRMATION
 * @param ruleId the rule that set it, e.g. EU-608-23-1-RIGHT-HOLDER
 * @param citation the legal source, with an extension's when it was extended
 * @param lastDay the last day of the period in the office's calendar
 * @param dueAt the end of {@code lastDay}: midnight in the office's time zone
 * @param mustAct the participants whose clock it is
 * @param country the office's country, ISO 3166-1 alpha-2
 * @param office the office where the goods are
 * @param noticedAt when the notice was raised
 */
public record CaseDeadlineApproaching(
        UUID caseId,
        UUID deadlineId,
        String kind,
        String ruleId,
        String citation,
        LocalDate lastDay,
        Instant dueAt,
        List<CaseParty> mustAct,
        String country,
        String office,
        Instant noticedAt) {
}
