package org.openipm.messaging.seizure.matching;

import java.util.List;
import java.util.Optional;
import org.openipm.messaging.shipment.CodeMatcher;

/**
 * The GTIN a seized code carries, read exactly as flagging reads a suspected product ({@link CodeMatcher}: the GS1
 * rules of code-engine, every reading tried, the first valid one with a GTIN). Asked with an empty catalogue, the
 * flagging matcher answers "unmatched" with the GTIN it read, so the catalogue can then be asked for the GTINs of a
 * whole batch at once.
 */
public final class GtinReader {

    private final CodeMatcher flaggingRules = new CodeMatcher(gtin -> List.of(), productId -> Optional.empty());

    /** The GTIN-14 the code carries; null when it carries none or does not read. */
    public String gtinOf(String code) {
        return flaggingRules.match(code, null).get(0).gtin();
    }
}
