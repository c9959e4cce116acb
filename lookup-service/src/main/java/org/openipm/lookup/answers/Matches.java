package org.openipm.lookup.answers;

import java.util.List;

/**
 * The lookup query's answer for one reading of a code: the rows of the products shown (one per way each was
 * matched) and how many products matched in all. What {@link MatchCache} keeps.
 */
public record Matches(List<MatchRow> rows, int total) {

    public static final Matches NONE = new Matches(List.of(), 0);

    /** Fewer products shown than matched. */
    public boolean capped() {
        return rows.stream().map(MatchRow::productId).distinct().count() < total;
    }

    public boolean found() {
        return !rows.isEmpty();
    }
}
