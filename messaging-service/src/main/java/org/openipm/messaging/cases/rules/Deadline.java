package org.openipm.messaging.cases.rules;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A computed legal deadline, as the service stores and shows it.
 *
 * @param lastDay           the last day of the period, in the office's calendar
 * @param dueAt             the end of {@code lastDay}: midnight in the office's time zone; the period is missed
 *                          from this instant on
 * @param extensionsGranted how many extensions moved it so far
 * @param citation          the rule's source (and the extension's, once extended)
 */
public record Deadline(String ruleId, DeadlineKind kind, Office office, Instant startedAt, LocalDate lastDay,
                       Instant dueAt, int extensionsGranted, String citation) {

    static Deadline ending(DeadlineRule rule, Office office, Instant startedAt, LocalDate lastDay,
                           int extensionsGranted, String citation) {
        Instant dueAt = lastDay.plusDays(1).atStartOfDay(office.zone()).toInstant();
        return new Deadline(rule.id(), rule.kind(), office, startedAt, lastDay, dueAt, extensionsGranted, citation);
    }
}
