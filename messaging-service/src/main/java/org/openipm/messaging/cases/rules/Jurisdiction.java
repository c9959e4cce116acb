package org.openipm.messaging.cases.rules;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * A body of law whose periods apply to the offices of its countries (one row of the rule table).
 *
 * @param countries                 ISO 3166-1 alpha-2 codes of the offices it governs
 * @param weekend                   days that are never working days
 * @param regionalHolidays          whether the office region's holidays count (EU member states act under
 *                                  their local holidays; US federal agencies observe federal holidays only)
 * @param smallConsignmentProcedure whether the EU small consignment procedure exists here
 * @param dayCounting               the law saying how days are counted, shown beside every deadline
 */
public record Jurisdiction(String id, String name, Set<String> countries, Set<DayOfWeek> weekend,
                           boolean regionalHolidays, boolean smallConsignmentProcedure, String dayCounting) {

    public Jurisdiction {
        countries = Set.copyOf(countries);
        weekend = Set.copyOf(weekend);
    }
}
