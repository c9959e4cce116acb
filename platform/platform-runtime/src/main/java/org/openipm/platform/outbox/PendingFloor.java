package org.openipm.platform.outbox;

/**
 * The lowest outbox id the relay still has to look at. Below it every row is relayed (deleted) and none can turn up
 * any more, so the relay's read starts there instead of stepping, at each cycle, over the index entries of every row
 * it deleted since the table was last vacuumed (tens of milliseconds a read after a few bulk commits).
 * <p>
 * Ids are taken in one order but committed in another: a transaction that took a lower id may commit after rows
 * above it were relayed. So the floor may pass an id only once every transaction that could hold it has ended.
 * Each read of the relay also returns the sequence's last id handed out (read during the statement) and the
 * statement's snapshot (taken before it). A row id is taken after its transaction has its transaction id (the
 * column's default, {@code outbox_event_next_id()}, makes sure of it), so every id up to the last one read by a
 * statement belongs to a transaction whose id is below the {@code xmax} of the next statement's snapshot. Once a
 * later snapshot's {@code xmin} reaches that {@code xmax}, all of them have committed or rolled back: the rows up to
 * that id are all visible, and the floor moves up to the first of them still pending. It never passes a parked row,
 * which an operator may put back in the queue.
 * <p>
 * Not thread-safe: the relay's thread alone uses it. A new relay (another instance, a restart) starts from 0.
 */
final class PendingFloor {

    /** Ids below are neither pending nor parked, and no transaction can still add one. */
    private long floor;
    /** The last id handed out as read by the previous read; -1 before the first. */
    private long previousLastId = -1;
    /** An id up to which rows will all be visible once the oldest running transaction is at least {@link #waitForXid}. */
    private long settlingUpTo = -1;
    private long waitForXid;

    long floor() {
        return floor;
    }

    /**
     * What one read saw.
     *
     * @param lastId the sequence's last id handed out, read during the statement
     * @param xmin the oldest transaction still running at the statement's snapshot
     * @param xmax the first transaction id not yet assigned at the statement's snapshot
     * @param firstPending the lowest pending id at or above the floor the statement saw, {@link Long#MAX_VALUE} if none
     * @param firstParked the lowest parked id, {@link Long#MAX_VALUE} if none
     */
    void observed(long lastId, long xmin, long xmax, long firstPending, long firstParked) {
        if (settlingUpTo >= 0 && xmin >= waitForXid) {
            floor = Math.min(settlingUpTo + 1, Math.min(firstPending, firstParked));
            settlingUpTo = -1;
        }
        if (settlingUpTo < 0 && previousLastId >= 0) {
            settlingUpTo = previousLastId;
            waitForXid = xmax;
        }
        previousLastId = lastId;
    }
}
