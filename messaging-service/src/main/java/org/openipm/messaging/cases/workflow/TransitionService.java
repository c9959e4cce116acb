package org.openipm.messaging.cases.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.CaseEvents;
import org.openipm.messaging.cases.CaseParticipant;
import org.openipm.messaging.cases.CaseRepository;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.messaging.cases.ShipmentCase;
import org.openipm.messaging.cases.deadline.CaseDeadline;
import org.openipm.messaging.cases.rules.ActorKind;
import org.openipm.messaging.cases.rules.CaseFacts;
import org.openipm.messaging.cases.rules.CaseTrait;
import org.openipm.messaging.cases.rules.CaseWorkflow;
import org.openipm.messaging.cases.rules.ClockStart;
import org.openipm.messaging.cases.rules.DeadlineRules;
import org.openipm.messaging.cases.rules.Office;
import org.openipm.messaging.cases.rules.Procedure;
import org.openipm.messaging.cases.rules.ProcedureStep;
import org.openipm.messaging.cases.rules.Transition;
import org.openipm.messaging.cases.rules.TransitionDecision;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * Moves a case as CaseWorkflow allows, in one transaction: the case row is locked first, so concurrent moves of
 * one case are applied one after the other and the later one is judged against the status the earlier one left.
 * The move, its case-events record and timeline entry, the deadlines it ends and those it starts commit together
 * or not at all.
 */
@ApplicationScoped
public class TransitionService {

    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final CaseEvents caseEvents;
    private final DeadlineService deadlines;
    private final DeadlineRules rules;
    private final ProcedureEventRepository procedureEvents;
    private final Clock clock;

    public TransitionService(CaseRepository cases, ParticipantRepository participants, CaseEvents caseEvents,
            DeadlineService deadlines, DeadlineRules rules, ProcedureEventRepository procedureEvents, Clock clock) {
        this.cases = cases;
        this.participants = participants;
        this.caseEvents = caseEvents;
        this.deadlines = deadlines;
        this.rules = rules;
        this.procedureEvents = procedureEvents;
        this.clock = clock;
    }

    /** Applies the move or throws: 404 for a non-participant, 403 for a participant who may not, 409, 400. */
    @Transactional
    public void move(UUID caseId, CaseViewer viewer, TransitionRequest request) {
        ShipmentCase shipmentCase = lockedCase(caseId, viewer);
        ActorKind actor = actorOf(caseId, viewer);
        Set<CaseTrait> facts = factsAfter(shipmentCase, actor, request);
        Procedure procedure = rules.procedureFor(new CaseFacts(Office.of(shipmentCase.country, "UTC"), facts));
        TransitionDecision decision = CaseWorkflow.decide(shipmentCase.status, request.to(), actor, procedure);
        if (decision instanceof TransitionDecision.Refused refused) {
            throw refusal(refused, shipmentCase.status, actor, procedure);
        }
        Transition transition = ((TransitionDecision.Allowed) decision).transition();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CaseStatus from = shipmentCase.status;
        boolean factsChanged = !facts.equals(Set.copyOf(shipmentCase.goodsFacts));
        shipmentCase.status = transition.to();
        shipmentCase.goodsFacts = new ArrayList<>(facts);
        shipmentCase.updatedAt = now;
        List<CaseParticipant> parties = participants.ofCase(caseId);
        caseEvents.statusChanged(shipmentCase, from,
                viewer.isBrand() ? CaseParty.brand(viewer.id()) : CaseParty.authority(viewer.id()),
                blankToNull(request.reason()), transition.legalBasis(), idsOf(parties, CaseParticipant.BRAND),
                idsOf(parties, CaseParticipant.AUTHORITY), now);
        if (factsChanged) {
            // Periods counted from the presentation that only the stated facts bring (e.g. restricted articles).
            deadlines.start(shipmentCase, CaseWorkflow.OPENING_STARTS, shipmentCase.openedAt);
        }
        deadlines.statusReached(shipmentCase, transition.to(), now);
        transition.starts().ifPresent(event -> deadlines.start(shipmentCase, event, now));
    }

    /**
     * Records a step of the procedure outside OpenIPM (CaseWorkflow.procedureSteps): once per case, by the flagging
     * authority while the goods are held, and only where a legal period of the case's jurisdiction counts from or
     * ends on it. The periods it meets end MET and those it starts are stored, in the same transaction.
     */
    @Transactional
    public void record(UUID caseId, CaseViewer viewer, ProcedureEventRequest request) {
        ProcedureStep step = CaseWorkflow.procedureStep(request.event()).orElseThrow(() -> new ProblemException(
                Problem.of("invalid-procedure-event", "Bad Request", 400, "event: " + request.event()
                        + " is not recorded by hand; the steps recorded are " + recordable())
                        .withErrors(List.of(new Problem.FieldError("event", "one of " + recordable())))));
        ShipmentCase shipmentCase = lockedCase(caseId, viewer);
        ActorKind actor = actorOf(caseId, viewer);
        Optional<TransitionDecision.Refused> refused = CaseWorkflow.refuseStep(shipmentCase.status, step, actor);
        if (refused.isPresent()) {
            throw refused.get().refusal() == TransitionDecision.Refusal.FORBIDDEN_ACTOR
                    ? ProblemException.forbidden(refused.get().detail())
                    : ProblemException.conflict("illegal-procedure-event", refused.get().detail());
        }
        Set<CaseTrait> facts = Set.copyOf(shipmentCase.goodsFacts);
        boolean concerns = rules.jurisdictionOf(shipmentCase.country)
                .map(j -> rules.concerns(j, step.event(), facts)).orElse(false);
        if (!concerns) {
            throw ProblemException.conflict("procedure-event-not-applicable", "No legal period of a case at "
                    + shipmentCase.office + " (" + shipmentCase.country + ") with goods facts " + facts
                    + " counts from or ends on " + step.event());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String note = blankToNull(request.note());
        if (!procedureEvents.add(caseId, step.event(), now, viewer.id(), note)) {
            throw ProblemException.conflict("procedure-event-recorded", step.event() + " is already recorded for"
                    + " case " + caseId + "; a correction of its timeline entry can amend it");
        }
        shipmentCase.updatedAt = now;
        caseEvents.procedureEventRecorded(shipmentCase, step, CaseParty.authority(viewer.id()), note, now);
        deadlines.eventRecorded(shipmentCase, step.event(), now);
    }

    private static List<ClockStart> recordable() {
        return CaseWorkflow.procedureSteps().stream().map(ProcedureStep::event).toList();
    }

    /** Extends a deadline of the case: only the flagging authority, as the authority holding the goods. */
    @Transactional
    public CaseDeadline extend(UUID caseId, UUID deadlineId, CaseViewer viewer, ExtensionRequest request) {
        ShipmentCase shipmentCase = lockedCase(caseId, viewer);
        if (actorOf(caseId, viewer) != ActorKind.AUTHORITY) {
            throw ProblemException.forbidden("Only the authority holding the goods extends a legal period"
                    + " (Regulation (EU) No 608/2013, Art. 23(4): the customs authorities may extend it)");
        }
        return deadlines.extend(shipmentCase, deadlineId, request.days(), request.justification().strip(),
                CaseParty.authority(viewer.id()));
    }

    private ShipmentCase lockedCase(UUID caseId, CaseViewer viewer) {
        if (!participants.takesPart(caseId, viewer)) {
            throw ProblemException.notFound("Case " + caseId);
        }
        return Optional.ofNullable(cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("Case " + caseId));
    }

    private ActorKind actorOf(UUID caseId, CaseViewer viewer) {
        if (viewer.isBrand()) {
            return ActorKind.BRAND;
        }
        boolean flagging = participants.ofCase(caseId).stream().anyMatch(p -> p.partyKind.equals(viewer.kind())
                && p.partyId.equals(viewer.id()) && CaseParticipant.FLAGGING.equals(p.role));
        return flagging ? ActorKind.AUTHORITY : ActorKind.INVITED_AUTHORITY;
    }

    /**
     * The facts the case holds after this request. They are stated by the authority holding the goods with its
     * decision on a flagged shipment, before any legal period depends on them; later they stay as stated.
     */
    private static Set<CaseTrait> factsAfter(ShipmentCase shipmentCase, ActorKind actor, TransitionRequest request) {
        Set<CaseTrait> facts = shipmentCase.goodsFacts.isEmpty() ? EnumSet.noneOf(CaseTrait.class)
                : EnumSet.copyOf(shipmentCase.goodsFacts);
        List<CaseTrait> stated = request.goodsFactsOrNone();
        if (stated.isEmpty()) {
            return facts;
        }
        if (actor != ActorKind.AUTHORITY || shipmentCase.status != CaseStatus.FLAGGED) {
            throw new ProblemException(Problem.of("invalid-transition", "Bad Request", 400,
                    "goodsFacts: the authority holding the goods states them with its decision on a FLAGGED case;"
                            + " this case is " + shipmentCase.status)
                    .withErrors(List.of(new Problem.FieldError("goodsFacts", "only with the move out of FLAGGED,"
                            + " by the flagging authority"))));
        }
        facts.addAll(stated);
        return facts;
    }

    private static ProblemException refusal(TransitionDecision.Refused refused, CaseStatus status, ActorKind actor,
            Procedure procedure) {
        if (refused.refusal() == TransitionDecision.Refusal.FORBIDDEN_ACTOR) {
            return ProblemException.forbidden(refused.detail());
        }
        List<CaseStatus> yours = CaseWorkflow.movesFrom(status, actor, procedure).stream().map(Transition::to)
                .toList();
        return ProblemException.conflict("illegal-transition", refused.detail() + ". Moves you may make from "
                + status + ": " + (yours.isEmpty() ? "none" : yours));
    }

    private static List<String> idsOf(List<CaseParticipant> parties, String kind) {
        return parties.stream().filter(p -> p.partyKind.equals(kind)).map(p -> p.partyId).sorted().toList();
    }

    private static String blankToNull(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

}
