package org.openipm.messaging.operation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** What makes an operation's period acceptable (pure). */
public final class OperationRules {

    public static final int MAX_AUTHORITIES = 100;
    public static final int MAX_BRANDS = 500;
    /** Joint operations run for weeks; a year bounds what one operation's results may cover. */
    public static final int MAX_DAYS = 366;

    private OperationRules() {
    }

    /** Why the period is refused, if it is. */
    public static Optional<String> periodProblem(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            return Optional.of("endsOn is before startsOn");
        }
        if (ChronoUnit.DAYS.between(startsOn, endsOn) + 1 > MAX_DAYS) {
            return Optional.of("an operation lasts at most " + MAX_DAYS + " days");
        }
        return Optional.empty();
    }
}
