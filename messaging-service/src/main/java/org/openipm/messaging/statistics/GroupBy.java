package org.openipm.messaging.statistics;

import java.util.Arrays;
import java.util.Optional;

/**
 * What seizure statistics can be grouped by, each with the SQL expression of its key over the seizure ({@code s}),
 * for the brand its brands ({@code b.brand_id}, one row per brand of a goods line), for the operation the joint
 * operations the seizure counts for ({@code o.id}, one row per operation). Another key is one more constant here.
 */
public enum GroupBy {
    COUNTRY("country", "s.country", false),
    BRAND("brand", "b.brand_id", true),
    MONTH("month", "to_char(s.seized_on, 'YYYY-MM')", false),
    DAY("day", "to_char(s.seized_on, 'YYYY-MM-DD')", false),
    TRANSPORT_MODE("transportMode", "s.transport_mode", false),
    OPERATION("operation", "o.id::text", false);

    private final String parameter;
    private final String keySql;
    private final boolean perBrand;

    GroupBy(String parameter, String keySql, boolean perBrand) {
        this.parameter = parameter;
        this.keySql = keySql;
        this.perBrand = perBrand;
    }

    /** As written in {@code groupBy=}. */
    public String parameter() {
        return parameter;
    }

    String keySql() {
        return keySql;
    }

    /** Whether the key needs the goods lines spread over their brands. */
    boolean perBrand() {
        return perBrand;
    }

    public static Optional<GroupBy> of(String parameter) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(parameter)).findFirst();
    }

    public static String accepted() {
        return String.join("|", Arrays.stream(values()).map(GroupBy::parameter).toList());
    }
}
