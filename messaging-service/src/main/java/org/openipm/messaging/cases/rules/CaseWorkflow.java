package org.openipm.messaging.cases.rules;

import static org.openipm.messaging.cases.CaseStatus.CLOSED;
import static org.openipm.messaging.cases.CaseStatus.DESTROYED;
import static org.openipm.messaging.cases.CaseStatus.DETAINED;
import static org.openipm.messaging.cases.CaseStatus.FLAGGED;
import static org.openipm.messaging.cases.CaseStatus.NOT_CONFIRMED;
import static org.openipm.messaging.cases.CaseStatus.PROCEEDINGS;
import static org.openipm.messaging.cases.CaseStatus.RELEASED;
import static org.openipm.messaging.cases.CaseStatus.RIGHT_HOLDER_CONFIRMED;
import static org.openipm.messaging.cases.CaseStatus.SEIZED;
import static org.openipm.messaging.cases.rules.ActorKind.AUTHORITY;
import static org.openipm.messaging.cases.rules.ActorKind.BRAND;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.rules.TransitionDecision.Allowed;
import org.openipm.messaging.cases.rules.TransitionDecision.Refused;
import org.openipm.messaging.cases.rules.TransitionDecision.Refusal;

/**
 * The one definition of how a case may move, in the legal order of a border procedure (EU Regulation 608/2013
 * Art. 17, 23 and 26; the US steps of 19 CFR 133.21 and 151.16 fit the same order), and who may move it.
 * Invited authorities never move a case: they read and post only.
 */
public final class CaseWorkflow {

    /** The clock that starts when a case opens in FLAGGED (it is not a move, so it is not in the table). */
    public static final ClockStart OPENING_STARTS = ClockStart.GOODS_PRESENTED;

    private static final Set<Procedure> BOTH = EnumSet.allOf(Procedure.class);
    private static final Set<Procedure> SMALL_ONLY = EnumSet.of(Procedure.SMALL_CONSIGNMENT);

    private static final List<Transition> TABLE = List.of(
            move(FLAGGED, DETAINED, Set.of(AUTHORITY), BOTH, ClockStart.GOODS_DETAINED,
                    "EU 608/2013 Art. 17(1), 18(1): suspension of release or detention; Art. 17(3): notification"
                            + " starts the right holder's period; 19 CFR 151.16(b), 133.21(b): decision to detain"),
            move(FLAGGED, RELEASED, Set.of(AUTHORITY), BOTH, null,
                    "EU 608/2013 Art. 17(1): no detention without suspicion; 19 CFR 151.16(b): decision to release"),
            move(DETAINED, RIGHT_HOLDER_CONFIRMED, Set.of(BRAND), BOTH, null,
                    "EU 608/2013 Art. 23(1)(a)-(b): the right holder confirms the infringement in writing"),
            move(DETAINED, NOT_CONFIRMED, Set.of(BRAND, AUTHORITY), BOTH, null,
                    "EU 608/2013 Art. 23(1), 23(3): the right holder does not confirm or does not agree to"
                            + " destruction (the authority records it when the period ran out)"),
            move(DETAINED, RELEASED, Set.of(AUTHORITY), BOTH, null,
                    "EU 608/2013 Art. 23: release when the conditions for destruction or proceedings are not met"),
            move(DETAINED, DESTROYED, Set.of(AUTHORITY), SMALL_ONLY, null,
                    "EU 608/2013 Art. 26(5)-(6): small consignment destroyed on the declarant's (deemed) agreement,"
                            + " no confirmation by the right holder needed"),
            move(DETAINED, PROCEEDINGS, Set.of(BRAND, AUTHORITY), SMALL_ONLY, null,
                    "EU 608/2013 Art. 26(8)-(9): the declarant objected and the right holder starts proceedings"),
            move(RIGHT_HOLDER_CONFIRMED, DESTROYED, Set.of(AUTHORITY), BOTH, null,
                    "EU 608/2013 Art. 23(1)-(2): destruction under customs control with the declarant's (deemed)"
                            + " agreement"),
            move(RIGHT_HOLDER_CONFIRMED, PROCEEDINGS, Set.of(BRAND, AUTHORITY), BOTH, null,
                    "EU 608/2013 Art. 23(3): the declarant objects, the right holder starts proceedings"),
            move(RIGHT_HOLDER_CONFIRMED, SEIZED, Set.of(AUTHORITY), BOTH, null,
                    "Seizure under national law (outside EU 608/2013), or of counterfeit goods under 19 CFR 133.21"),
            move(RIGHT_HOLDER_CONFIRMED, RELEASED, Set.of(AUTHORITY), BOTH, null,
                    "EU 608/2013 Art. 23: the declarant objected and no proceedings were started in time"),
            move(NOT_CONFIRMED, RELEASED, Set.of(AUTHORITY), BOTH, null,
                    "EU 608/2013 Art. 23: without confirmation the goods are released"),
            move(NOT_CONFIRMED, PROCEEDINGS, Set.of(BRAND, AUTHORITY), BOTH, null,
                    "EU 608/2013 Art. 23(3): a right holder who does not agree to destruction starts proceedings"),
            move(DESTROYED, CLOSED, Set.of(AUTHORITY), BOTH, null, "End of the procedure"),
            move(PROCEEDINGS, CLOSED, Set.of(AUTHORITY), BOTH, null,
                    "End of the procedure (the court's outcome is recorded in the timeline)"),
            move(RELEASED, CLOSED, Set.of(AUTHORITY), BOTH, null, "End of the procedure"),
            move(SEIZED, CLOSED, Set.of(AUTHORITY), BOTH, null, "End of the procedure"));

    /** The goods are held and their fate is not decided yet. */
    private static final Set<CaseStatus> GOODS_HELD = EnumSet.of(DETAINED, RIGHT_HOLDER_CONFIRMED, NOT_CONFIRMED);

    private static final List<ProcedureStep> STEPS = List.of(
            new ProcedureStep(ClockStart.IMPORTER_NOTIFIED, GOODS_HELD, Set.of(AUTHORITY), false,
                    "19 CFR 133.21(b): the authority notifies the importer of the detention"),
            new ProcedureStep(ClockStart.OBJECTION_NOTIFIED, GOODS_HELD, Set.of(AUTHORITY), true,
                    "EU 608/2013 Art. 23(3), 26(8): the declarant objects to destruction and the customs authority"
                            + " notifies the right holder"),
            new ProcedureStep(ClockStart.IMPORTER_RESPONDED, GOODS_HELD, Set.of(AUTHORITY), false,
                    "19 CFR 133.21(b), 133.25(a): the importer answers the authority"));

    private CaseWorkflow() {
    }

    /** The steps outside OpenIPM that the authority records, for documentation and validation. */
    public static List<ProcedureStep> procedureSteps() {
        return STEPS;
    }

    public static Optional<ProcedureStep> procedureStep(ClockStart event) {
        return STEPS.stream().filter(s -> s.event() == event).findFirst();
    }

    /**
     * Whether {@code actor} may record {@code step} on a case in {@code status}: refused with FORBIDDEN_ACTOR (an
     * invited authority or a brand: the step passed between the authority holding the goods and the declarant or
     * importer) or ILLEGAL_TRANSITION (the goods are not held, so the step cannot happen now).
     */
    public static Optional<Refused> refuseStep(CaseStatus status, ProcedureStep step, ActorKind actor) {
        if (!step.actors().contains(actor)) {
            return Optional.of(new Refused(Refusal.FORBIDDEN_ACTOR, "Only the flagging authority records "
                    + step.event() + " (" + step.legalBasis() + ")"));
        }
        if (!step.during().contains(status)) {
            return Optional.of(new Refused(Refusal.ILLEGAL_TRANSITION, step.event() + " is recorded while the goods"
                    + " are held (" + step.during().stream().map(Enum::name).sorted().toList() + "); this case is "
                    + status));
        }
        return Optional.empty();
    }

    /** Every allowed move, for documentation and for answering "what can I do next". */
    public static List<Transition> table() {
        return TABLE;
    }

    /** The moves this actor may make from {@code from} in this procedure (what the UI offers). */
    public static List<Transition> movesFrom(CaseStatus from, ActorKind actor, Procedure procedure) {
        return TABLE.stream()
                .filter(t -> t.from() == from && t.existsIn(procedure) && t.actors().contains(actor))
                .toList();
    }

    /**
     * Whether {@code actor} may move a case from {@code from} to {@code to}. An invited authority is refused
     * before the legality of the move is looked at: it may never move a case, whatever the move.
     */
    public static TransitionDecision decide(CaseStatus from, CaseStatus to, ActorKind actor, Procedure procedure) {
        if (actor == ActorKind.INVITED_AUTHORITY) {
            return new Refused(Refusal.FORBIDDEN_ACTOR,
                    "An invited authority reads the case and posts messages but does not change its status");
        }
        Optional<Transition> move = TABLE.stream()
                .filter(t -> t.from() == from && t.to() == to && t.existsIn(procedure))
                .findFirst();
        if (move.isEmpty()) {
            return new Refused(Refusal.ILLEGAL_TRANSITION, illegal(from, to, procedure));
        }
        if (!move.get().actors().contains(actor)) {
            return new Refused(Refusal.FORBIDDEN_ACTOR, "Only " + names(move.get().actors()) + " may move a case from "
                    + from + " to " + to + " (" + move.get().legalBasis() + ")");
        }
        return new Allowed(move.get());
    }

    private static String illegal(CaseStatus from, CaseStatus to, Procedure procedure) {
        List<CaseStatus> next = TABLE.stream()
                .filter(t -> t.from() == from && t.existsIn(procedure))
                .map(Transition::to)
                .toList();
        return next.isEmpty()
                ? "A case in " + from + " is final and cannot move to " + to
                : "A case in " + from + " cannot move to " + to + "; it can move to " + next;
    }

    private static String names(Set<ActorKind> actors) {
        return actors.contains(AUTHORITY) && actors.contains(BRAND)
                ? "the flagging authority or a right holder"
                : actors.contains(BRAND) ? "a right holder taking part in the case" : "the flagging authority";
    }

    private static Transition move(CaseStatus from, CaseStatus to, Set<ActorKind> actors, Set<Procedure> procedures,
                                   ClockStart starts, String legalBasis) {
        return new Transition(from, to, actors, procedures, Optional.ofNullable(starts), legalBasis);
    }
}
