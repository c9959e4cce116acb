package org.openipm.messaging.cases.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Holidays come from the library per country and region; these dates are checked against the calendars. */
class WorkingCalendarTest {

    private static final Set<DayOfWeek> SAT_SUN = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    @Test
    void bavariaRestsOnEpiphanyWhileBerlinWorks() {
        LocalDate epiphany = LocalDate.of(2026, 1, 6);

        assertThat(WorkingCalendar.of("DE", "by", SAT_SUN).isWorkingDay(epiphany)).isFalse();
        assertThat(WorkingCalendar.of("DE", "be", SAT_SUN).isWorkingDay(epiphany)).isTrue();
        assertThat(WorkingCalendar.of("DE", null, SAT_SUN).isWorkingDay(epiphany)).isTrue();
    }

    @Test
    void alsaceAndMoselleRestOnTheTwentySixthOfDecemberTheRestOfFranceWorks() {
        LocalDate stStephen = LocalDate.of(2025, 12, 26);

        assertThat(WorkingCalendar.of("FR", "67", SAT_SUN).isWorkingDay(stStephen)).isFalse();
        assertThat(WorkingCalendar.of("FR", "68", SAT_SUN).isWorkingDay(stStephen)).isFalse();
        assertThat(WorkingCalendar.of("FR", "57", SAT_SUN).isWorkingDay(stStephen)).isFalse();
        assertThat(WorkingCalendar.of("FR", "75c", SAT_SUN).isWorkingDay(stStephen)).isTrue();
        assertThat(WorkingCalendar.of("FR", null, SAT_SUN).isWorkingDay(stStephen)).isTrue();
    }

    @Test
    void alsaceRestsOnGoodFridayTheRestOfFranceWorks() {
        LocalDate goodFriday = LocalDate.of(2026, 4, 3);

        assertThat(WorkingCalendar.of("FR", "67", SAT_SUN).isWorkingDay(goodFriday)).isFalse();
        assertThat(WorkingCalendar.of("FR", null, SAT_SUN).isWorkingDay(goodFriday)).isTrue();
    }

    @Test
    void aUsHolidayObservedOnTheFridayBeforeCountsInTheYearItFallsIn() {
        WorkingCalendar us = WorkingCalendar.of("US", null, SAT_SUN);

        // 1 January 2028 is a Saturday: federal offices close on Friday 31 December 2027.
        assertThat(us.isWorkingDay(LocalDate.of(2027, 12, 31))).isFalse();
        // Christmas 2027 is a Saturday too: observed on Friday 24 December.
        assertThat(us.isWorkingDay(LocalDate.of(2027, 12, 24))).isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2027, 12, 27))).isTrue();
    }

    @Test
    void workingDaysSkipWeekendsAndHolidaysAndNeverCountTheStartingDay() {
        WorkingCalendar paris = WorkingCalendar.of("FR", null, SAT_SUN);

        // Tuesday 23 Dec 2025 + 3: Wed 24, (Thu 25 Christmas), Fri 26, (weekend), Mon 29.
        assertThat(paris.plusWorkingDays(LocalDate.of(2025, 12, 23), 3)).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(paris.workingDaysBefore(LocalDate.of(2025, 12, 29), 2)).isEqualTo(LocalDate.of(2025, 12, 26));
    }

    @Test
    void anUnknownRegionOrCountryIsRefusedRatherThanCountedWithoutItsHolidays() {
        assertThatThrownBy(() -> WorkingCalendar.of("FR", "971", SAT_SUN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("971");
        assertThatThrownBy(() -> WorkingCalendar.of("ZZ", null, SAT_SUN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZZ");
    }
}
