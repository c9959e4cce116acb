package org.openipm.messaging.cases.rules;

/** The answer of {@link CaseWorkflow#decide}: the move to apply, or why it is refused. */
public sealed interface TransitionDecision {

    boolean allowed();

    /** The move is legal and this actor may make it. */
    record Allowed(Transition transition) implements TransitionDecision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /** Nothing may change; {@code detail} says why in words a user understands. */
    record Refused(Refusal refusal, String detail) implements TransitionDecision {
        @Override
        public boolean allowed() {
            return false;
        }
    }

    /** Why a move is refused, with the HTTP status the service answers. */
    enum Refusal {
        /** The legal order does not allow this move from the current status. */
        ILLEGAL_TRANSITION(409),
        /** The move exists but this kind of participant may not make it. */
        FORBIDDEN_ACTOR(403);

        private final int httpStatus;

        Refusal(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }
}
