package org.openipm.messaging.cases.rules;

import java.util.Optional;
import java.util.Set;
import org.openipm.messaging.cases.CaseStatus;

/**
 * One allowed move of the case workflow.
 *
 * @param actors     who may make it
 * @param procedures the procedures in which it exists
 * @param starts     the legal clock the move starts, if any
 * @param legalBasis where the move comes from, shown to users who are refused
 */
public record Transition(CaseStatus from, CaseStatus to, Set<ActorKind> actors, Set<Procedure> procedures,
                         Optional<ClockStart> starts, String legalBasis) {

    public Transition {
        actors = Set.copyOf(actors);
        procedures = Set.copyOf(procedures);
    }

    boolean existsIn(Procedure procedure) {
        return procedures.contains(procedure);
    }
}
