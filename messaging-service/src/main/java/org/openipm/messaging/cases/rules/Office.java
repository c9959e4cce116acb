package org.openipm.messaging.cases.rules;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the authority acts: its country decides the jurisdiction and the public holidays, its region the
 * regional holidays, its zone when a day ends.
 *
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code FR}; an overseas department uses its state's code
 * @param region  the holiday library's subdivision path below the country, or {@code null} for none: a German
 *                Land ({@code by}), a French département ({@code 67}), a Bavarian city below its Land
 *                ({@code by/mu})
 * @param zone    the office's time zone: a day ends at midnight there
 */
public record Office(String country, String region, ZoneId zone) {

    public Office {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(zone, "zone");
        country = country.trim().toUpperCase(Locale.ROOT);
        region = region == null || region.isBlank() ? null : region.trim().toLowerCase(Locale.ROOT);
    }

    public static Office of(String country, String zone) {
        return new Office(country, null, ZoneId.of(zone));
    }

    public static Office of(String country, String region, String zone) {
        return new Office(country, region, ZoneId.of(zone));
    }
}
