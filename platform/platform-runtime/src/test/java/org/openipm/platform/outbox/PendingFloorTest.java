package org.openipm.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the relay's floor moves: past an id only once every transaction that could hold it has ended. */
class PendingFloorTest {

    private static final long NONE = Long.MAX_VALUE;

    @Test
    void theFloorWaitsForTheTransactionsThatMayHoldIdsBelowTheLastOneReadThenStopsAtTheFirstPendingRow() {
        PendingFloor floor = new PendingFloor();
        floor.observed(100, 50, 60, NONE, NONE); // ids up to 100 handed out
        floor.observed(120, 55, 70, NONE, NONE); // those belong to transactions below 70
        floor.observed(130, 69, 80, NONE, NONE); // transaction 69 still runs: it may hold an id up to 100
        assertThat(floor.floor()).isZero();

        floor.observed(140, 70, 85, 95, NONE); // all below 70 ended; row 95 is still pending
        assertThat(floor.floor()).isEqualTo(95);
    }

    @Test
    void withNothingPendingTheFloorMovesPastTheLastIdReadAndNoFurther() {
        PendingFloor floor = new PendingFloor();
        floor.observed(100, 50, 60, NONE, NONE);
        floor.observed(120, 55, 70, NONE, NONE);
        floor.observed(130, 75, 80, NONE, NONE);
        assertThat(floor.floor()).as("ids above 100 may belong to transactions still running").isEqualTo(101);

        floor.observed(140, 78, 90, NONE, NONE); // waits for the transactions below 80 (ids up to 120)
        assertThat(floor.floor()).isEqualTo(101);
        floor.observed(150, 80, 95, NONE, NONE);
        assertThat(floor.floor()).isEqualTo(121);
    }

    @Test
    void theFloorNeverPassesAParkedRowWhichAnOperatorMayPutBack() {
        PendingFloor floor = new PendingFloor();
        floor.observed(100, 50, 60, NONE, 40);
        floor.observed(120, 55, 70, NONE, 40);
        floor.observed(130, 75, 80, NONE, 40);
        assertThat(floor.floor()).isEqualTo(40);
    }

    @Test
    void aSequenceNotUsedYetMovesNothingPastItsFirstId() {
        PendingFloor floor = new PendingFloor();
        floor.observed(0, 50, 60, NONE, NONE); // no id handed out yet (the relay reads last_value - 1)
        floor.observed(0, 55, 70, NONE, NONE);
        floor.observed(0, 75, 80, NONE, NONE);
        assertThat(floor.floor()).as("id 1, handed out later, is still read").isEqualTo(1);
    }
}
