package org.openipm.messaging.cases.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import org.openipm.messaging.cases.CaseEvents;
import org.openipm.messaging.cases.CaseRepository;
import org.openipm.messaging.cases.ShipmentCase;
import org.openipm.messaging.cases.deadline.CaseDeadline;
import org.openipm.messaging.cases.deadline.DeadlineRepository;
import org.openipm.messaging.cases.deadline.DeadlineSettings;
import org.openipm.messaging.cases.deadline.DeadlineState;
import org.openipm.messaging.cases.rules.LegalClock;

/**
 * Publishes case.deadline-approaching and case.deadline-missed exactly once per deadline, on time, also across
 * restarts and with several instances: whether a notice went out is stored on the deadline, in the same
 * transaction as the notice's outbox record and timeline entry, and each pass locks the rows it notices with
 * {@code for update skip locked}, so an instance never waits for nor repeats another's work. A deadline found
 * missed is not also announced as approaching (after a long outage only the miss is told).
 */
@ApplicationScoped
public class DeadlineNotices {

    private static final Logger LOG = Logger.getLogger(DeadlineNotices.class);

    private final DeadlineRepository deadlines;
    private final CaseRepository cases;
    private final DeadlineActors actors;
    private final CaseEvents caseEvents;
    private final LegalClock legalClock;
    private final DeadlineSettings settings;
    private final Clock clock;

    public DeadlineNotices(DeadlineRepository deadlines, CaseRepository cases, DeadlineActors actors,
            CaseEvents caseEvents, LegalClock legalClock, DeadlineSettings settings, Clock clock) {
        this.deadlines = deadlines;
        this.cases = cases;
        this.actors = actors;
        this.caseEvents = caseEvents;
        this.legalClock = legalClock;
        this.settings = settings;
        this.clock = clock;
    }

    /** A changed approaching lead applies to every open deadline not yet announced. */
    void applyLead(@Observes StartupEvent startup) {
        try {
            QuarkusTransaction.requiringNew().run(() -> deadlines.openNotYetApproaching().forEach(d ->
                    d.approachingFrom = legalClock.approachingFrom(d.asDeadline(), settings.approachingLead())));
        } catch (RuntimeException e) {
            // The database may not be up yet; the stored times (from the lead of the previous start) still hold.
            LOG.warnf("Approaching times not recomputed for the current lead: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${openipm.deadlines.notice-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            pass();
        } catch (RuntimeException e) {
            // The database may be down: nothing was marked, the next pass notices it.
            LOG.warnf("Deadline notices postponed to the next pass: %s", e.getMessage());
        }
    }

    /** Notices everything due at the clock's "now"; returns how many notices were raised. */
    public int pass() {
        int total = 0;
        int noticed;
        do {
            noticed = QuarkusTransaction.requiringNew().call(this::noticeBatch);
            total += noticed;
        } while (noticed > 0);
        return total;
    }

    private int noticeBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int limit = settings.noticeBatchSize();
        List<CaseDeadline> missed = deadlines.lockMissed(now, limit);
        for (CaseDeadline deadline : missed) {
            deadline.state = DeadlineState.MISSED;
            deadline.endedAt = deadline.dueAt;
            deadline.missedNoticedAt = now;
            ShipmentCase shipmentCase = cases.findById(deadline.caseId);
            caseEvents.deadlineMissed(shipmentCase, deadline, actors.of(shipmentCase, deadline), now);
        }
        List<CaseDeadline> approaching = deadlines.lockApproaching(now, limit);
        for (CaseDeadline deadline : approaching) {
            deadline.approachingNoticedAt = now;
            ShipmentCase shipmentCase = cases.findById(deadline.caseId);
            caseEvents.deadlineApproaching(shipmentCase, deadline, actors.of(shipmentCase, deadline), now);
        }
        return missed.size() + approaching.size();
    }
}
