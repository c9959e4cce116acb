package org.openipm.messaging;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes as the JDK maintains them (officially assigned codes only). */
public final class Countries {

    private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** True for an assigned code in upper case, e.g. FR; false for XX, fr or FRA. */
    public static boolean isAssigned(String code) {
        return code != null && ASSIGNED.contains(code);
    }
}
