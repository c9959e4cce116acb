package org.openipm.messaging.cases.deadline;

/** Where a stored deadline stands. Only OPEN deadlines are watched by the notices. */
public enum DeadlineState {
    /** The period runs. */
    OPEN,
    /** The act it waited for happened in time (e.g. the right holder confirmed). */
    MET,
    /** It ran out before the act: case.deadline-missed was published. */
    MISSED,
    /** The case moved on so that the act is no longer needed (e.g. the goods were released). */
    CANCELLED
}
