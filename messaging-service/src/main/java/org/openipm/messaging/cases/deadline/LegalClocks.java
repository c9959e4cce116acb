package org.openipm.messaging.cases.deadline;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.openipm.messaging.cases.rules.DeadlineRules;
import org.openipm.messaging.cases.rules.LegalClock;

/**
 * The pure legal-clock classes as beans. "Now" is one {@link Clock} bean for the whole service (cases, deadlines,
 * notices), so a test replaces it to decide what time it is.
 */
@ApplicationScoped
public class LegalClocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Read and checked at start-up: a broken rule table stops the service instead of miscounting later. */
    @Produces
    @Singleton
    @Startup
    DeadlineRules deadlineRules() {
        return DeadlineRules.bundled();
    }

    @Produces
    @Singleton
    LegalClock legalClock(DeadlineRules rules, Clock clock) {
        return new LegalClock(rules, clock);
    }
}
