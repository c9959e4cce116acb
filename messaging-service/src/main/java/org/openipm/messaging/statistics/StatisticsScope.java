package org.openipm.messaging.statistics;

/**
 * Whose seizures a caller's statistics count: every seizure (administrators), an authority's own (its officers and
 * its customs system), or a brand's own goods only (the goods lines carrying its verified GTINs: its quantities and
 * its share of the values, never the rest of a seizure).
 */
public record StatisticsScope(Kind kind, String id) {

    public enum Kind {
        ALL, AUTHORITY, BRAND
    }

    public static StatisticsScope all() {
        return new StatisticsScope(Kind.ALL, null);
    }

    public static StatisticsScope authority(String id) {
        return new StatisticsScope(Kind.AUTHORITY, id);
    }

    public static StatisticsScope brand(String id) {
        return new StatisticsScope(Kind.BRAND, id);
    }
}
