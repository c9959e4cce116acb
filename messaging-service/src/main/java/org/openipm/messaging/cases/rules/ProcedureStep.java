package org.openipm.messaging.cases.rules;

import java.util.Set;
import org.openipm.messaging.cases.CaseStatus;

/**
 * A step of the procedure that happens outside OpenIPM (between the authority and the declarant or importer) and
 * that legal periods count from or end on. The authority records it; it is not a move of the case's status.
 *
 * @param event              the step, as the deadline rules name it
 * @param during             the statuses in which it can happen
 * @param actors             who records it
 * @param shownToRightHolder whether the brands of the case see it on the timeline (never the importer's steps)
 * @param legalBasis         where it comes from
 */
public record ProcedureStep(ClockStart event, Set<CaseStatus> during, Set<ActorKind> actors,
                            boolean shownToRightHolder, String legalBasis) {

    public ProcedureStep {
        during = Set.copyOf(during);
        actors = Set.copyOf(actors);
    }
}
