package org.openipm.events.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A legal deadline of a case ended without the act it waited for (case.deadline-missed), once per deadline,
 * also across restarts. What follows in law (e.g. goods released, deemed agreement) is the rule's citation's matter.
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
 * @param noticedAt when the miss was noticed (at or just after {@code dueAt})
 */
public record CaseDeadlineMissed(
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
