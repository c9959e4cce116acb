package org.openipm.lookup.scan;

import java.util.List;
import org.openipm.codes.Element;
import org.openipm.codes.Interpretation;
import org.openipm.codes.Note;
import org.openipm.codes.Problem;

/**
 * The interpretation of a code as the API shows it (the engine's record minus its internal pattern ids): the most
 * likely reading, what the engine assumed to read it ({@code notes}), and the other readings of the same code.
 */
public record InterpretationView(String input, String kind, boolean valid, List<Element> elements, String gtin,
        String imei, String tac, List<Problem> problems, List<Note> notes, List<InterpretationView> alternatives) {

    public static InterpretationView of(Interpretation i) {
        return new InterpretationView(i.input(), i.kind().name(), i.valid(), i.elements(), i.gtin(), i.imei(),
                i.tac(), i.problems(), i.notes(), i.alternatives().stream().map(InterpretationView::of).toList());
    }
}
