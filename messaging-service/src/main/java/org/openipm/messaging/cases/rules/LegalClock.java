package org.openipm.messaging.cases.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.rules.ExtensionDecision.Extended;
import org.openipm.messaging.cases.rules.ExtensionDecision.Reason;
import org.openipm.messaging.cases.rules.ExtensionDecision.Refused;

/**
 * Computes, extends and watches legal deadlines from the rule table and each office's working calendar.
 * The clock is injected so tests (and a replay after a restart) decide what "now" is.
 */
public final class LegalClock {

    private final DeadlineRules rules;
    private final Clock clock;
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

    public LegalClock(DeadlineRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * The deadlines that {@code event} starts for this case: none where the office's country has no
     * jurisdiction in the table (the case then shows no legal clock rather than a made-up one).
     */
    public List<Deadline> deadlinesFor(CaseFacts facts, StartingEvent event) {
        Optional<Jurisdiction> jurisdiction = rules.jurisdictionOf(facts.office().country());
        if (jurisdiction.isEmpty()) {
            return List.of();
        }
        WorkingCalendar calendar = calendarOf(facts.office(), jurisdiction.get());
        LocalDate eventDay = event.at().atZone(facts.office().zone()).toLocalDate();
        return rules.startedBy(jurisdiction.get(), event.kind(), facts.traits()).stream()
                .map(rule -> Deadline.ending(rule, facts.office(), event.at(),
                        endOf(rule, calendar, eventDay, rule.amount()), 0, rule.citation()))
                .toList();
    }

    /**
     * Extends a deadline by {@code amount} of its rule's unit, counted from its current last day, if the rule
     * allows it, its extensions are not used up, {@code amount} is within the maximum and the period still
     * runs at the injected clock's "now".
     */
    public ExtensionDecision extend(Deadline deadline, int amount) {
        DeadlineRule rule = ruleOf(deadline);
        Optional<ExtensionPolicy> policy = rule.extensionPolicy();
        if (policy.isEmpty()) {
            return new Refused(Reason.NOT_EXTENSIBLE, "The period of " + rule.citation() + " cannot be extended");
        }
        ExtensionPolicy allowed = policy.get();
        if (allowed.maxTimes() != null && deadline.extensionsGranted() >= allowed.maxTimes()) {
            return new Refused(Reason.LIMIT_REACHED, "This period was already extended "
                    + deadline.extensionsGranted() + " time(s), the most " + allowed.citation() + " allows");
        }
        if (amount < 1 || allowed.maxAmount() != null && amount > allowed.maxAmount()) {
            return new Refused(Reason.TOO_LONG, "An extension must be between 1 and "
                    + (allowed.maxAmount() == null ? "any number of" : allowed.maxAmount()) + " "
                    + unitName(rule) + " (" + allowed.citation() + "), not " + amount);
        }
        if (!clock.instant().isBefore(deadline.dueAt())) {
            return new Refused(Reason.PERIOD_ENDED, "This period ended at " + deadline.dueAt()
                    + " and can no longer be extended");
        }
        WorkingCalendar calendar = calendarOf(deadline.office(), jurisdictionOf(rule));
        LocalDate lastDay = endOf(rule, calendar, deadline.lastDay(), amount);
        return new Extended(Deadline.ending(rule, deadline.office(), deadline.startedAt(), lastDay,
                deadline.extensionsGranted() + 1, rule.citation() + "; extended under " + allowed.citation()));
    }

    /**
     * When a deadline starts "approaching": the start (midnight, office's zone) of the day from which
     * {@code leadWorkingDays} working days remain, the last day included. A lead of 0 or less never warns.
     */
    public Instant approachingFrom(Deadline deadline, int leadWorkingDays) {
        if (leadWorkingDays <= 0) {
            return deadline.dueAt();
        }
        WorkingCalendar calendar = calendarOf(deadline.office(), jurisdictionOf(ruleOf(deadline)));
        return calendar.workingDaysBefore(deadline.lastDay(), leadWorkingDays)
                .atStartOfDay(deadline.office().zone()).toInstant();
    }

    public boolean isApproaching(Deadline deadline, Instant now, int leadWorkingDays) {
        return !now.isBefore(approachingFrom(deadline, leadWorkingDays)) && now.isBefore(deadline.dueAt());
    }

    public boolean isMissed(Deadline deadline, Instant now) {
        return !now.isBefore(deadline.dueAt());
    }

    /** Whether reaching {@code status} makes this deadline moot (it was met, or the case moved past it). */
    public boolean endedBy(Deadline deadline, CaseStatus status) {
        return ruleOf(deadline).endsWhen().contains(status);
    }

    /** Whether recording {@code event} meets this deadline (e.g. the importer was notified). */
    public boolean endedBy(Deadline deadline, ClockStart event) {
        return ruleOf(deadline).endsOn().contains(event);
    }

    /** The office's working calendar, checked: an unknown country or region fails here, not on a deadline. */
    public WorkingCalendar calendarOf(Office office) {
        Jurisdiction jurisdiction = rules.jurisdictionOf(office.country()).orElseThrow(() ->
                new IllegalArgumentException("No legal clock rules for offices in " + office.country()));
        return calendarOf(office, jurisdiction);
    }

    private LocalDate endOf(DeadlineRule rule, WorkingCalendar calendar, LocalDate from, int amount) {
        if (rule.unit() == PeriodUnit.WORKING_DAYS) {
            return calendar.plusWorkingDays(from, amount);
        }
        LocalDate last = from.plusDays(amount);
        return rule.rollToWorkingDay() ? calendar.onOrNextWorkingDay(last) : last;
    }

    private WorkingCalendar calendarOf(Office office, Jurisdiction jurisdiction) {
        String region = jurisdiction.regionalHolidays() ? office.region() : null;
        String key = jurisdiction.id() + '|' + office.country() + '|' + region;
        return calendars.computeIfAbsent(key,
                k -> WorkingCalendar.of(office.country(), region, jurisdiction.weekend()));
    }

    private DeadlineRule ruleOf(Deadline deadline) {
        return rules.rule(deadline.ruleId()).orElseThrow(() ->
                new IllegalArgumentException("Unknown deadline rule " + deadline.ruleId()));
    }

    private Jurisdiction jurisdictionOf(DeadlineRule rule) {
        return rules.jurisdictions().stream()
                .filter(j -> j.id().equals(rule.jurisdiction()))
                .findFirst()
                .orElseThrow();
    }

    private static String unitName(DeadlineRule rule) {
        return rule.unit() == PeriodUnit.WORKING_DAYS ? "working days" : "days";
    }
}
