package org.openipm.messaging.cases.deadline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How deadline notices are raised ({@code openipm.deadlines.*}). */
@ConfigMapping(prefix = "openipm.deadlines")
public interface DeadlineSettings {

    /**
     * case.deadline-approaching is published from the start of the day on which this many working days remain
     * (the last day included); 0 turns the approaching notice off. A change applies to open deadlines at the
     * next start.
     */
    @WithDefault("2")
    int approachingLead();

    /** How often the notices look for deadlines that approach or ran out (also read by the scheduler). */
    @WithDefault("5s")
    Duration noticeEvery();

    /** Deadlines noticed per transaction. */
    @WithDefault("100")
    int noticeBatchSize();
}
