package org.openipm.messaging.cases.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.CaseEvents;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.ShipmentCase;
import org.openipm.messaging.cases.deadline.CaseDeadline;
import org.openipm.messaging.cases.deadline.DeadlineRepository;
import org.openipm.messaging.cases.deadline.DeadlineSettings;
import org.openipm.messaging.cases.deadline.DeadlineState;
import org.openipm.messaging.cases.rules.CaseFacts;
import org.openipm.messaging.cases.rules.ClockStart;
import org.openipm.messaging.cases.rules.Deadline;
import org.openipm.messaging.cases.rules.DeadlineRules;
import org.openipm.messaging.cases.rules.ExtensionDecision;
import org.openipm.messaging.cases.rules.LegalClock;
import org.openipm.messaging.cases.rules.StartingEvent;
import org.openipm.platform.problem.ProblemException;

/**
 * Starts, ends and extends a case's stored deadlines, always inside the transaction of the change that causes it,
 * with LegalClock doing every computation.
 */
@ApplicationScoped
public class DeadlineService {

    private final DeadlineRepository deadlines;
    private final LegalClock legalClock;
    private final CaseOffices offices;
    private final CaseEvents caseEvents;
    private final DeadlineSettings settings;
    private final DeadlineRules rules;
    private final DeadlineActors actors;
    private final Clock clock;

    public DeadlineService(DeadlineRepository deadlines, LegalClock legalClock, CaseOffices offices,
            CaseEvents caseEvents, DeadlineSettings settings, DeadlineRules rules, DeadlineActors actors,
            Clock clock) {
        this.deadlines = deadlines;
        this.legalClock = legalClock;
        this.offices = offices;
        this.caseEvents = caseEvents;
        this.settings = settings;
        this.rules = rules;
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * Stores the deadlines that {@code event} starts for the case (none where its country has no legal clock),
     * each with a DEADLINE_STARTED entry. Rules already started for the case are not started twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CaseDeadline> start(ShipmentCase shipmentCase, ClockStart event, Instant at) {
        boolean anyRule = rules.jurisdictionOf(shipmentCase.country)
                .map(j -> !rules.startedBy(j, event, java.util.Set.copyOf(shipmentCase.goodsFacts)).isEmpty())
                .orElse(false);
        if (!anyRule) {
            // Nothing to count: the office's calendar is not even needed (nor checked).
            return List.of();
        }
        CaseFacts facts = new CaseFacts(offices.of(shipmentCase), java.util.Set.copyOf(shipmentCase.goodsFacts));
        List<Deadline> computed;
        try {
            computed = legalClock.deadlinesFor(facts, new StartingEvent(event, at));
        } catch (IllegalArgumentException unknownCalendar) {
            throw ProblemException.unprocessable("office-calendar", "The legal clocks of office "
                    + shipmentCase.office + " cannot be counted: " + unknownCalendar.getMessage()
                    + "; an administrator corrects the office's region in the directory of authorities");
        }
        List<String> started = deadlines.ofCase(shipmentCase.id).stream().map(d -> d.ruleId).toList();
        return computed.stream().filter(d -> !started.contains(d.ruleId())).map(d -> {
            CaseDeadline stored = CaseDeadline.of(shipmentCase.id, event, d,
                    legalClock.approachingFrom(d, settings.approachingLead()));
            deadlines.persist(stored);
            caseEvents.deadlineStarted(shipmentCase, stored, actors.of(shipmentCase, stored), at);
            return stored;
        }).toList();
    }

    /**
     * The case reached {@code status}: each open deadline this ends is MET when the status is the act it waited
     * for, CANCELLED when the case merely moved past it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusReached(ShipmentCase shipmentCase, CaseStatus status, Instant at) {
        for (CaseDeadline open : deadlines.openOfCase(shipmentCase.id)) {
            if (legalClock.endedBy(open.asDeadline(), status)) {
                open.state = open.kind.satisfiedBy(status) ? DeadlineState.MET : DeadlineState.CANCELLED;
                open.endedAt = at;
                caseEvents.deadlineEnded(shipmentCase, open, status.name());
            }
        }
    }

    /**
     * A procedure step was recorded: each open deadline it meets (the rule's {@code endsOn}) is MET, then the
     * periods it starts are stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eventRecorded(ShipmentCase shipmentCase, ClockStart event, Instant at) {
        for (CaseDeadline open : deadlines.openOfCase(shipmentCase.id)) {
            if (legalClock.endedBy(open.asDeadline(), event)) {
                open.state = DeadlineState.MET;
                open.endedAt = at;
                caseEvents.deadlineEnded(shipmentCase, open, event.name());
            }
        }
        start(shipmentCase, event, at);
    }

    /**
     * Extends an open deadline of the case as its rule allows (LegalClock decides); 409 citing the law otherwise.
     * The approaching notice is due again for the new end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseDeadline extend(ShipmentCase shipmentCase, UUID deadlineId, int days, String justification,
            CaseParty by) {
        CaseDeadline deadline = deadlines.findByIdOptional(deadlineId)
                .filter(d -> d.caseId.equals(shipmentCase.id))
                .orElseThrow(() -> ProblemException.notFound("Deadline " + deadlineId + " of case " + shipmentCase.id));
        if (deadline.state != DeadlineState.OPEN) {
            throw ProblemException.conflict("deadline-not-extensible", "Deadline " + deadlineId + " is "
                    + deadline.state + "; only an open deadline can be extended");
        }
        ExtensionDecision decision = legalClock.extend(deadline.asDeadline(), days);
        if (decision instanceof ExtensionDecision.Refused refused) {
            throw ProblemException.conflict("deadline-not-extensible", refused.detail());
        }
        Deadline extended = ((ExtensionDecision.Extended) decision).deadline();
        LocalDate previousLastDay = deadline.lastDay;
        deadline.apply(extended, legalClock.approachingFrom(extended, settings.approachingLead()));
        deadline.approachingNoticedAt = null;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        caseEvents.deadlineExtended(shipmentCase, deadline, previousLastDay, days, justification, by, now);
        return deadline;
    }
}
