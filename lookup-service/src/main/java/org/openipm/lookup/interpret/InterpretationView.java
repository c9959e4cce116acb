package org.openipm.lookup.interpret;

import java.util.List;
import org.openipm.codes.Element;
import org.openipm.codes.Interpretation;
import org.openipm.codes.Problem;

/** The interpretation of a code as the API shows it (the engine's record minus its internal pattern ids). */
public record InterpretationView(String input, String kind, boolean valid, List<Element> elements, String gtin,
        String imei, String tac, List<Problem> problems) {

    public static InterpretationView of(Interpretation i) {
        return new InterpretationView(i.input(), i.kind().name(), i.valid(), i.elements(), i.gtin(), i.imei(),
                i.tac(), i.problems());
    }
}
