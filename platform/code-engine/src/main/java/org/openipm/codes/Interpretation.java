package org.openipm.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * Result of interpreting one scanned or typed code.
 *
 * <p>An input can have several readings: sixteen digits are an IMEISV and may also be a GS1 element string sent
 * without symbology identifier; a brand's proprietary pattern may match as well. The most likely reading is this
 * interpretation; the others are in {@link #alternatives()}, most likely first, so that a lookup can try every
 * {@link #readings() reading} and say which one matched.
 *
 * @param gtin         14-digit GTIN (from a bare GTIN, or AI 01 / 02) when valid, else {@code null}
 * @param imei         15-digit IMEI including its Luhn check digit, else {@code null}
 * @param tac          8-digit Type Allocation Code of the IMEI, else {@code null}
 * @param notes        what the engine assumed or did to read the input (never a reason for {@code valid == false})
 * @param alternatives other readings of the same input, each without alternatives of its own
 */
public record Interpretation(String input, CodeKind kind, boolean valid, List<Element> elements,
                             String gtin, String imei, String tac,
                             List<String> matchedPatternIds, List<Problem> problems,
                             List<Note> notes, List<Interpretation> alternatives) {
    public Interpretation {
        elements = elements == null ? List.of() : List.copyOf(elements);
        matchedPatternIds = matchedPatternIds == null ? List.of() : List.copyOf(matchedPatternIds);
        problems = problems == null ? List.of() : List.copyOf(problems);
        notes = notes == null ? List.of() : List.copyOf(notes);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** A single reading without notes. */
    public Interpretation(String input, CodeKind kind, boolean valid, List<Element> elements,
                          String gtin, String imei, String tac,
                          List<String> matchedPatternIds, List<Problem> problems) {
        this(input, kind, valid, elements, gtin, imei, tac, matchedPatternIds, problems, List.of(), List.of());
    }

    /** This reading first (without its alternatives), then the alternatives: every reading a lookup should try. */
    public List<Interpretation> readings() {
        List<Interpretation> all = new ArrayList<>(1 + alternatives.size());
        all.add(withAlternatives(List.of()));
        all.addAll(alternatives);
        return List.copyOf(all);
    }

    public Interpretation withAlternatives(List<Interpretation> others) {
        return new Interpretation(input, kind, valid, elements, gtin, imei, tac, matchedPatternIds, problems, notes,
                others);
    }

    public Interpretation withNote(Note note) {
        List<Note> more = new ArrayList<>(notes);
        more.add(note);
        return new Interpretation(input, kind, valid, elements, gtin, imei, tac, matchedPatternIds, problems, more,
                alternatives);
    }
}
