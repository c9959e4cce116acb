package org.openipm.codes;

import java.util.List;

/**
 * Result of interpreting one scanned or typed code.
 *
 * @param gtin  14-digit GTIN (from a bare GTIN, or AI 01 / 02) when valid, else {@code null}
 * @param imei  15-digit IMEI including its Luhn check digit, else {@code null}
 * @param tac   8-digit Type Allocation Code of the IMEI, else {@code null}
 */
public record Interpretation(String input, CodeKind kind, boolean valid, List<Element> elements,
                             String gtin, String imei, String tac,
                             List<String> matchedPatternIds, List<Problem> problems) {
    public Interpretation {
        elements = elements == null ? List.of() : List.copyOf(elements);
        matchedPatternIds = matchedPatternIds == null ? List.of() : List.copyOf(matchedPatternIds);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
