package org.openipm.codes;

import java.util.List;

/** Test helper. */
final class Problems {
    private Problems() {}

    static List<String> codes(Interpretation i) {
        return i.problems().stream().map(Problem::code).toList();
    }
}
