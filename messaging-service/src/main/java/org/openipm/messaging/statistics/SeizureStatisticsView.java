package org.openipm.messaging.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * Seizure statistics as answered: one group per key, sorted by key, each with its number of seizures, its
 * quantities per unit and its values per currency (never added across units or currencies).
 */
public record SeizureStatisticsView(String groupBy, LocalDate from, LocalDate to, List<Group> groups) {

    public record Group(String key, long seizures, List<Quantity> quantities, List<Amount> values) {
    }

    public record Quantity(String unit, double quantity) {
    }

    public record Amount(String currency, double amount) {
    }
}
