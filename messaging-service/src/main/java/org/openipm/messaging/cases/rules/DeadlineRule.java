package org.openipm.messaging.cases.rules;

import java.util.Optional;
import java.util.Set;
import org.openipm.messaging.cases.CaseStatus;

/**
 * One legal period, written once with its source (one row of the rule table).
 *
 * @param startsOn         the event the period counts from (that day excluded)
 * @param requires         traits the case must have for the rule to apply
 * @param excludes         traits that make the rule not apply
 * @param rollToWorkingDay a calendar-day period ending on a non-working day ends on the next working day
 * @param extension        how it may be extended, {@code null} when it may not
 * @param endsWhen         statuses that make the period moot (what it waited for happened, or the case moved on)
 * @param endsOn           events that meet it
 * @param onExpiry         what the law says happens when it runs out
 */
public record DeadlineRule(String id, String jurisdiction, DeadlineKind kind, ClockStart startsOn,
                           Set<CaseTrait> requires, Set<CaseTrait> excludes, int amount, PeriodUnit unit,
                           boolean rollToWorkingDay, ExtensionPolicy extension, Set<CaseStatus> endsWhen,
                           Set<ClockStart> endsOn, String onExpiry, String citation) {

    public DeadlineRule {
        requires = requires == null ? Set.of() : Set.copyOf(requires);
        excludes = excludes == null ? Set.of() : Set.copyOf(excludes);
        endsWhen = endsWhen == null ? Set.of() : Set.copyOf(endsWhen);
        endsOn = endsOn == null ? Set.of() : Set.copyOf(endsOn);
    }

    public boolean appliesTo(Set<CaseTrait> traits) {
        return traits.containsAll(requires) && excludes.stream().noneMatch(traits::contains);
    }

    public Optional<ExtensionPolicy> extensionPolicy() {
        return Optional.ofNullable(extension);
    }
}
