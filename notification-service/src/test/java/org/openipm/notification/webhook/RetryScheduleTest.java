package org.openipm.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-12-24T22:00:00Z");

    @Test
    void aDeliveryIsGivenUpWithinADayOfItsFirstAttempt() {
        RetrySchedule schedule = new RetrySchedule(new SplittableRandom(7));
        assertThat(schedule.longestSpan()).isLessThanOrEqualTo(Duration.ofHours(24));
        Instant at = T0;
        int failed = 1;
        while (schedule.next(failed, at).isPresent()) {
            at = schedule.next(failed, at).get();
            failed++;
        }
        assertThat(failed).isEqualTo(schedule.attempts());
        assertThat(Duration.between(T0, at)).isLessThanOrEqualTo(Duration.ofHours(24))
                .isGreaterThan(Duration.ofHours(15));
    }

    @Test
    void waitsGrowAndStayWithinTheirJitter() {
        RetrySchedule schedule = new RetrySchedule(new SplittableRandom(1));
        for (int failed = 1; failed <= RetrySchedule.STEPS.size(); failed++) {
            long step = RetrySchedule.STEPS.get(failed - 1).toMillis();
            long wait = Duration.between(T0, schedule.next(failed, T0).orElseThrow()).toMillis();
            assertThat(wait).isBetween(Math.round(step * 0.8), Math.round(step * 1.2));
        }
    }

    @Test
    void deliveriesFailingTogetherAreSpreadApart() {
        RetrySchedule schedule = new RetrySchedule(new SplittableRandom(3));
        List<Instant> retries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            retries.add(schedule.next(4, T0).orElseThrow()); // 30 minutes, +-6
        }
        assertThat(retries.stream().distinct().count()).isGreaterThan(90);
        Duration spread = Duration.between(retries.stream().min(Instant::compareTo).orElseThrow(),
                retries.stream().max(Instant::compareTo).orElseThrow());
        assertThat(spread).isGreaterThan(Duration.ofMinutes(8));
    }

    @Test
    void afterTheLastAttemptThereIsNoNext() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(1)), new SplittableRandom(0));
        assertThat(schedule.attempts()).isEqualTo(2);
        assertThat(schedule.next(1, T0)).isPresent();
        assertThat(schedule.next(2, T0)).isEmpty();
    }
}
