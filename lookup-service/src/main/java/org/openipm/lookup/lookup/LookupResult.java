package org.openipm.lookup.lookup;

import java.util.List;
import org.openipm.lookup.interpret.InterpretationView;

public record LookupResult(InterpretationView interpretation, List<ProductMatch> products, List<Warning> warnings) {
}
