package org.openipm.messaging.cases.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deadline as a participant sees it on the case.
 *
 * @param mustAct AUTHORITY, RIGHT_HOLDER, DECLARANT or IMPORTER
 * @param dueAt   the end of {@code lastDay}, midnight in the office's time zone: missed from then on
 */
public record DeadlineView(UUID id, String kind, String rule, String citation, String mustAct, String startedBy,
        Instant startedAt, LocalDate lastDay, Instant dueAt, int extensions, String state, Instant endedAt,
        Instant approachingNoticedAt, Instant missedNoticedAt) {

    public static DeadlineView of(CaseDeadline d) {
        return new DeadlineView(d.id, d.kind.name(), d.ruleId, d.citation, d.mustAct.name(), d.startedBy.name(),
                d.startedAt, d.lastDay, d.dueAt, d.extensions, d.state.name(), d.endedAt, d.approachingNoticedAt,
                d.missedNoticedAt);
    }
}
