package org.openipm.events.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A legal period of a case started (case.deadline-started), computed in the office's calendar when the event it
 * counts from happened.
 *
 * @param caseId also the record key
 * @param deadlineId the stored deadline
 * @param kind what the deadline asks, e.g. RIGHT_HOLDER_CONFIRMATION
 * @param ruleId the rule that set it, e.g. EU-608-23-1-RIGHT-HOLDER
 * @param citation the legal source
 * @param startedBy the event it counts from: GOODS_PRESENTED, GOODS_DETAINED, IMPORTER_NOTIFIED, OBJECTION_NOTIFIED
 * @param startedAt when that event was recorded (its day is not counted)
 * @param lastDay the last day of the period in the office's calendar
 * @param dueAt the end of {@code lastDay}: midnight in the office's time zone
 * @param mustAct the participants whose clock it is
 * @param country the office's country, ISO 3166-1 alpha-2
 * @param office the office where the goods are
 */
public record CaseDeadlineStarted(
        UUID caseId,
        UUID deadlineId,
        String kind,
        String ruleId,
        String citation,
        String startedBy,
        Instant startedAt,
        LocalDate lastDay,
        Instant dueAt,
        List<CaseParty> mustAct,
        String country,
        String office) {
}
