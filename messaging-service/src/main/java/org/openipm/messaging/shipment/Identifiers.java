package org.openipm.messaging.shipment;

import java.util.Locale;

/** How a typed identifier is read before its standard is checked, and how it is quoted back. */
final class Identifiers {

    private static final int QUOTED_MAX = 40;

    private Identifiers() {
    }

    /** Upper case without the spaces and hyphens people type between groups. */
    static String compact(String input) {
        return input == null ? "" : input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String quote(String input) {
        if (input == null) {
            return "nothing";
        }
        return "\"" + (input.length() > QUOTED_MAX ? input.substring(0, QUOTED_MAX) + "…" : input) + "\"";
    }
}
