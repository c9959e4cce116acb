package org.openipm.messaging.cases.rules;

import static org.assertj.core.api.Assertions.assertThat;
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
import static org.openipm.messaging.cases.rules.ActorKind.INVITED_AUTHORITY;
import static org.openipm.messaging.cases.rules.Procedure.SMALL_CONSIGNMENT;
import static org.openipm.messaging.cases.rules.Procedure.STANDARD;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.rules.TransitionDecision.Allowed;
import org.openipm.messaging.cases.rules.TransitionDecision.Refusal;
import org.openipm.messaging.cases.rules.TransitionDecision.Refused;

/** The legal order of a case, written out here independently of the table it checks. */
class CaseWorkflowTest {

    static Stream<Arguments> allowedMoves() {
        return Stream.of(
                Arguments.of(FLAGGED, DETAINED, AUTHORITY),
                Arguments.of(FLAGGED, RELEASED, AUTHORITY),
                Arguments.of(DETAINED, RIGHT_HOLDER_CONFIRMED, BRAND),
                Arguments.of(DETAINED, NOT_CONFIRMED, BRAND),
                Arguments.of(DETAINED, NOT_CONFIRMED, AUTHORITY),
                Arguments.of(DETAINED, RELEASED, AUTHORITY),
                Arguments.of(RIGHT_HOLDER_CONFIRMED, DESTROYED, AUTHORITY),
                Arguments.of(RIGHT_HOLDER_CONFIRMED, PROCEEDINGS, BRAND),
                Arguments.of(RIGHT_HOLDER_CONFIRMED, PROCEEDINGS, AUTHORITY),
                Arguments.of(RIGHT_HOLDER_CONFIRMED, SEIZED, AUTHORITY),
                Arguments.of(RIGHT_HOLDER_CONFIRMED, RELEASED, AUTHORITY),
                Arguments.of(NOT_CONFIRMED, RELEASED, AUTHORITY),
                Arguments.of(NOT_CONFIRMED, PROCEEDINGS, BRAND),
                Arguments.of(NOT_CONFIRMED, PROCEEDINGS, AUTHORITY),
                Arguments.of(DESTROYED, CLOSED, AUTHORITY),
                Arguments.of(PROCEEDINGS, CLOSED, AUTHORITY),
                Arguments.of(RELEASED, CLOSED, AUTHORITY),
                Arguments.of(SEIZED, CLOSED, AUTHORITY));
    }

    @ParameterizedTest(name = "{2} moves {0} -> {1}")
    @MethodSource("allowedMoves")
    void everyMoveOfTheLegalOrderIsAllowedToItsActor(CaseStatus from, CaseStatus to, ActorKind actor) {
        for (Procedure procedure : Procedure.values()) {
            TransitionDecision decision = CaseWorkflow.decide(from, to, actor, procedure);

            assertThat(decision).isInstanceOf(Allowed.class);
            assertThat(((Allowed) decision).transition().legalBasis()).isNotBlank();
        }
    }

    @Test
    void theStandardTableHoldsExactlyTheseMovesAndActorsAndNothingMore() {
        Set<List<Object>> inTable = CaseWorkflow.table().stream()
                .filter(t -> t.procedures().contains(STANDARD))
                .flatMap(t -> t.actors().stream().map(actor -> List.<Object>of(t.from(), t.to(), actor)))
                .collect(Collectors.toSet());
        Set<List<Object>> expected = allowedMoves().map(a -> List.of(a.get())).collect(Collectors.toSet());

        assertThat(inTable).isEqualTo(expected);
        assertThat(CaseWorkflow.table().stream().filter(t -> !t.procedures().contains(STANDARD)))
                .extracting(t -> t.from() + "->" + t.to())
                .containsExactlyInAnyOrder("DETAINED->DESTROYED", "DETAINED->PROCEEDINGS");
    }

    static Stream<Arguments> oneIllegalMovePerStatus() {
        return Stream.of(
                Arguments.of(FLAGGED, DESTROYED, AUTHORITY),
                Arguments.of(DETAINED, DESTROYED, AUTHORITY),
                Arguments.of(RIGHT_HOLDER_CONFIRMED, NOT_CONFIRMED, BRAND),
                Arguments.of(NOT_CONFIRMED, DESTROYED, AUTHORITY),
                Arguments.of(DESTROYED, RELEASED, AUTHORITY),
                Arguments.of(PROCEEDINGS, DESTROYED, AUTHORITY),
                Arguments.of(RELEASED, DETAINED, AUTHORITY),
                Arguments.of(SEIZED, RELEASED, AUTHORITY),
                Arguments.of(CLOSED, FLAGGED, AUTHORITY));
    }

    @ParameterizedTest(name = "{0} -> {1} is refused with 409")
    @MethodSource("oneIllegalMovePerStatus")
    void aMoveOutOfTheLegalOrderIsAConflictThatSaysWhatIsPossible(CaseStatus from, CaseStatus to, ActorKind actor) {
        TransitionDecision decision = CaseWorkflow.decide(from, to, actor, STANDARD);

        assertThat(decision).isInstanceOf(Refused.class);
        Refused refused = (Refused) decision;
        assertThat(refused.refusal()).isEqualTo(Refusal.ILLEGAL_TRANSITION);
        assertThat(refused.refusal().httpStatus()).isEqualTo(409);
        assertThat(refused.detail()).contains(from.name()).contains(to.name());
    }

    @Test
    void aClosedCaseIsFinal() {
        for (CaseStatus to : CaseStatus.values()) {
            assertThat(CaseWorkflow.decide(CLOSED, to, AUTHORITY, STANDARD).allowed()).isFalse();
        }
        assertThat(((Refused) CaseWorkflow.decide(CLOSED, RELEASED, AUTHORITY, STANDARD)).detail())
                .contains("final");
    }

    @Test
    void theAuthorityCannotConfirmTheInfringementForTheRightHolder() {
        TransitionDecision decision = CaseWorkflow.decide(DETAINED, RIGHT_HOLDER_CONFIRMED, AUTHORITY, STANDARD);

        Refused refused = (Refused) decision;
        assertThat(refused.refusal()).isEqualTo(Refusal.FORBIDDEN_ACTOR);
        assertThat(refused.refusal().httpStatus()).isEqualTo(403);
        assertThat(refused.detail()).contains("right holder").contains("Art. 23(1)");
    }

    @Test
    void aBrandCannotDestroyReleaseSeizeOrCloseGoods() {
        assertThat(refusal(RIGHT_HOLDER_CONFIRMED, DESTROYED, BRAND)).isEqualTo(Refusal.FORBIDDEN_ACTOR);
        assertThat(refusal(FLAGGED, DETAINED, BRAND)).isEqualTo(Refusal.FORBIDDEN_ACTOR);
        assertThat(refusal(NOT_CONFIRMED, RELEASED, BRAND)).isEqualTo(Refusal.FORBIDDEN_ACTOR);
        assertThat(refusal(RIGHT_HOLDER_CONFIRMED, SEIZED, BRAND)).isEqualTo(Refusal.FORBIDDEN_ACTOR);
        assertThat(refusal(PROCEEDINGS, CLOSED, BRAND)).isEqualTo(Refusal.FORBIDDEN_ACTOR);
    }

    @Test
    void anInvitedAuthorityNeverMovesACaseEvenAlongTheLegalOrder() {
        for (Transition move : CaseWorkflow.table()) {
            for (Procedure procedure : move.procedures()) {
                assertThat(((Refused) CaseWorkflow.decide(move.from(), move.to(), INVITED_AUTHORITY, procedure))
                        .refusal()).isEqualTo(Refusal.FORBIDDEN_ACTOR);
            }
        }
        assertThat(CaseWorkflow.movesFrom(DETAINED, INVITED_AUTHORITY, STANDARD)).isEmpty();
    }

    @Test
    void aSmallConsignmentIsDestroyedWithoutTheRightHoldersConfirmationOnlyUnderArticle26() {
        assertThat(CaseWorkflow.decide(DETAINED, DESTROYED, AUTHORITY, SMALL_CONSIGNMENT).allowed()).isTrue();
        assertThat(CaseWorkflow.decide(DETAINED, PROCEEDINGS, BRAND, SMALL_CONSIGNMENT).allowed()).isTrue();
        assertThat(refusal(DETAINED, DESTROYED, AUTHORITY)).isEqualTo(Refusal.ILLEGAL_TRANSITION);
        assertThat(refusal(DETAINED, PROCEEDINGS, BRAND)).isEqualTo(Refusal.ILLEGAL_TRANSITION);
    }

    @Test
    void detentionStartsTheRightHoldersClockAndOpeningStartsThePresentationClock() {
        Transition detention = ((Allowed) CaseWorkflow.decide(FLAGGED, DETAINED, AUTHORITY, STANDARD)).transition();

        assertThat(detention.starts()).contains(ClockStart.GOODS_DETAINED);
        assertThat(CaseWorkflow.OPENING_STARTS).isEqualTo(ClockStart.GOODS_PRESENTED);
        assertThat(CaseWorkflow.table().stream().filter(t -> t.starts().isPresent()))
                .containsExactly(detention);
    }

    @Test
    void theNextMovesOfferedMatchWhatEachActorMayDo() {
        assertThat(CaseWorkflow.movesFrom(DETAINED, BRAND, STANDARD)).extracting(Transition::to)
                .containsExactlyInAnyOrder(RIGHT_HOLDER_CONFIRMED, NOT_CONFIRMED);
        assertThat(CaseWorkflow.movesFrom(DETAINED, AUTHORITY, STANDARD)).extracting(Transition::to)
                .containsExactlyInAnyOrder(NOT_CONFIRMED, RELEASED);
        assertThat(CaseWorkflow.movesFrom(DETAINED, AUTHORITY, SMALL_CONSIGNMENT)).extracting(Transition::to)
                .containsExactlyInAnyOrder(NOT_CONFIRMED, RELEASED, DESTROYED, PROCEEDINGS);
    }

    private static Refusal refusal(CaseStatus from, CaseStatus to, ActorKind actor) {
        return ((Refused) CaseWorkflow.decide(from, to, actor, STANDARD)).refusal();
    }

    @Test
    void everyClockEventThatNoMoveRecordsIsAProcedureStepTheFlaggingAuthorityRecordsWhileTheGoodsAreHeld() {
        Set<ClockStart> byMoves = CaseWorkflow.table().stream().flatMap(t -> t.starts().stream())
                .collect(Collectors.toSet());
        Set<ClockStart> bySteps = CaseWorkflow.procedureSteps().stream().map(ProcedureStep::event)
                .collect(Collectors.toSet());
        // Every event a deadline rule counts from or ends on can be recorded: by opening, a move or a step.
        Set<ClockStart> recordable = Stream.of(byMoves, bySteps, Set.of(CaseWorkflow.OPENING_STARTS))
                .flatMap(Set::stream).collect(Collectors.toSet());
        DeadlineRules.bundled().rules().forEach(rule -> {
            assertThat(recordable).as(rule.id() + " starts on").contains(rule.startsOn());
            assertThat(recordable).as(rule.id() + " ends on").containsAll(rule.endsOn());
        });

        ProcedureStep notice = CaseWorkflow.procedureStep(ClockStart.IMPORTER_NOTIFIED).orElseThrow();
        assertThat(CaseWorkflow.refuseStep(DETAINED, notice, AUTHORITY)).isEmpty();
        assertThat(CaseWorkflow.refuseStep(NOT_CONFIRMED, notice, AUTHORITY)).isEmpty();
        assertThat(CaseWorkflow.refuseStep(DETAINED, notice, BRAND)).get().extracting(Refused::refusal)
                .isEqualTo(Refusal.FORBIDDEN_ACTOR);
        assertThat(CaseWorkflow.refuseStep(DETAINED, notice, INVITED_AUTHORITY)).get().extracting(Refused::refusal)
                .isEqualTo(Refusal.FORBIDDEN_ACTOR);
        for (CaseStatus goodsNotHeld : List.of(FLAGGED, RELEASED, DESTROYED, PROCEEDINGS, SEIZED, CLOSED)) {
            assertThat(CaseWorkflow.refuseStep(goodsNotHeld, notice, AUTHORITY)).as(goodsNotHeld.name()).get()
                    .extracting(Refused::refusal).isEqualTo(Refusal.ILLEGAL_TRANSITION);
        }
        assertThat(CaseWorkflow.procedureStep(ClockStart.GOODS_DETAINED)).isEmpty();
        assertThat(CaseWorkflow.procedureStep(ClockStart.OBJECTION_NOTIFIED).orElseThrow().shownToRightHolder())
                .isTrue();
        assertThat(CaseWorkflow.procedureStep(ClockStart.IMPORTER_RESPONDED).orElseThrow().shownToRightHolder())
                .isFalse();
    }
}
