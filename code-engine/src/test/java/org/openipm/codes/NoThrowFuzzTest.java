package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Random and mutated inputs must never throw and always produce a consistent interpretation. */
class NoThrowFuzzTest {

    private static final String ALPHABET = "0123456789()[]\\/%?&=#:+-._~ABCXYZabcxyz \u001D\u00e9\u0000]Ced";
    private static final List<String> SEEDS = List.of(
            "https://id.gs1.org/01/09520123456788/10/ABC123/21/12345?17=201225",
            "]C1011234567890123110ABC\u001D21123",
            "(01)09520123456788(10)AB\\(C(21)123",
            "490154203237518", "4006381333931");

    private final CodeInterpreter interpreter = new CodeInterpreter();
    private final List<ProprietaryPattern> patterns = List.of(new ProprietaryPattern("p", "[A-Z]{2}\\d{4,8}"));

    @Test
    @DisplayName("random strings never throw")
    void randomStrings() {
        Random rnd = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            int len = rnd.nextInt(60);
            StringBuilder sb = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                sb.append(rnd.nextInt(10) == 0 ? (char) rnd.nextInt(0x3000) : ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
            check(sb.toString());
        }
    }

    @Test
    @DisplayName("mutations of valid GS1 inputs never throw")
    void mutatedSeeds() {
        Random rnd = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder(SEEDS.get(rnd.nextInt(SEEDS.size())));
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits && sb.length() > 0; e++) {
                int at = rnd.nextInt(sb.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.setCharAt(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                    case 1 -> sb.deleteCharAt(at);
                    default -> sb.insert(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                }
            }
            check(sb.toString());
        }
    }

    private void check(String in) {
        Interpretation i = interpreter.interpret(in, patterns);
        assertThat(i).isNotNull();
        assertThat(i.valid()).as(in).isEqualTo(i.problems().isEmpty());
        for (Problem p : i.problems()) {
            assertThat(p.code()).isNotBlank();
            if (p.position() != null) {
                assertThat(p.position()).as(in + " " + p).isBetween(0, in.length());
            }
        }
    }
}
