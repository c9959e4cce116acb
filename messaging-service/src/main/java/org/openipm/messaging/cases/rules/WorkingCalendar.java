package org.openipm.messaging.cases.rules;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days of one office: its jurisdiction's weekend and the public holidays of its country (and region,
 * where they count) from the Jollyday library, which maintains them per country and subdivision. Public and
 * bank holidays are days off; observances (Jollyday's OBSERVANCE type, e.g. Lincoln's Birthday in New York) are
 * not.
 */
public final class WorkingCalendar {

    private final HolidayManager holidays;
    private final String[] subdivision;
    private final Set<DayOfWeek> weekend;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    private WorkingCalendar(HolidayManager holidays, String[] subdivision, Set<DayOfWeek> weekend) {
        this.holidays = holidays;
        this.subdivision = subdivision;
        this.weekend = Set.copyOf(weekend);
    }

    /**
     * @param region the Jollyday subdivision path ({@code by}, {@code 67}, {@code by/mu}), or {@code null}
     * @throws IllegalArgumentException for a country the library does not know or a region it does not have:
     *                                  silently counting without those holidays would shorten legal periods
     */
    public static WorkingCalendar of(String country, String region, Set<DayOfWeek> weekend) {
        String code = country.toLowerCase(Locale.ROOT);
        if (Arrays.stream(HolidayCalendar.values()).noneMatch(c -> c.getId().equalsIgnoreCase(code))) {
            throw new IllegalArgumentException("No public holiday calendar for country " + country);
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code));
        String[] parts = region == null ? new String[0] : region.split("/");
        String[] path = new String[parts.length];
        CalendarHierarchy level = manager.getCalendarHierarchy();
        for (int i = 0; i < parts.length; i++) {
            // The library's codes mix cases (Bavaria "by", Paris "75C"): match ignoring case, pass its own.
            String part = parts[i];
            path[i] = level.getChildren().keySet().stream()
                    .filter(key -> key.equalsIgnoreCase(part))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No region " + region
                            + " in the public holidays of " + country + "; known: "
                            + manager.getCalendarHierarchy().getChildren().keySet()));
            level = level.getChildren().get(path[i]);
        }
        return new WorkingCalendar(manager, path, weekend);
    }

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !isPublicHoliday(day);
    }

    public boolean isPublicHoliday(LocalDate day) {
        return holidaysByYear.computeIfAbsent(day.getYear(), this::publicHolidays).contains(day);
    }

    /** The {@code count}-th working day after {@code day} ({@code day} itself is not counted). */
    public LocalDate plusWorkingDays(LocalDate day, int count) {
        LocalDate current = day;
        int counted = 0;
        while (counted < count) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The first working day on or after {@code day}. */
    public LocalDate onOrNextWorkingDay(LocalDate day) {
        LocalDate current = day;
        while (!isWorkingDay(current)) {
            current = current.plusDays(1);
        }
        return current;
    }

    /**
     * The day on which {@code count} working days remain up to and including {@code lastDay}: the
     * {@code count}-th working day counted backwards from {@code lastDay}.
     */
    public LocalDate workingDaysBefore(LocalDate lastDay, int count) {
        LocalDate current = lastDay;
        int counted = isWorkingDay(current) ? 1 : 0;
        while (counted < count) {
            current = current.minusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** Neighbouring years too: a holiday observed on another day can cross New Year (US 1 January 2028). */
    private Set<LocalDate> publicHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        for (int y = year - 1; y <= year + 1; y++) {
            for (Holiday holiday : holidays.getHolidays(Year.of(y), subdivision)) {
                if (holiday.getType() != HolidayType.OBSERVANCE && holiday.getDate().getYear() == year) {
                    days.add(holiday.getDate());
                }
            }
        }
        return Set.copyOf(days);
    }
}
