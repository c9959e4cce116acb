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
            "490154203237518", "4006381333931",
            // compressed GS1 Digital Link URIs made by GS1's toolkit (full, with a stem, partly compressed)
            "https://id.gs1.org/GhFRJydaKIlXgn8pQKMDk",
            "https://brand.example.com/some/stem/HxFRJydaKMrTbn2qD4qQwfhf5IkIq",
            "https://id.gs1.org/01/09520123456788/EESrwSEFGBy",
            "https://id.gs1.org/DBFRJydaKAowOfBSasFfq?17=251231",
            // scanner output without symbology identifier, IMEIs with separators, short GTIN in a URI
            "01095201234567881725123110ABC", "0109520123456788", "35-209900-176148-1", "35 209900 176148 23",
            "https://brand.example.com/01/9520123456788");
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

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

    @Test
    @DisplayName("random compressed segments, full and after an uncompressed key, never throw")
    void randomCompressedSegments() {
        Random rnd = new Random(11);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? "https://a/s/" : "https://a/01/09520123456788/");
            int len = 1 + rnd.nextInt(40);
            for (int k = 0; k < len; k++) {
                sb.append(BASE64URL.charAt(rnd.nextInt(BASE64URL.length())));
            }
            if (rnd.nextInt(4) == 0) {
                sb.append("?17=251231");
            }
            check(sb.toString());
        }
    }

    private void check(String in) {
        Interpretation i = interpreter.interpret(in, patterns);
        assertThat(i).isNotNull();
        assertThat(i.valid()).as(in).isEqualTo(i.problems().isEmpty());
        for (Interpretation reading : i.readings()) {
            assertThat(reading.valid()).as(in).isEqualTo(reading.problems().isEmpty());
            assertThat(reading.input()).isEqualTo(in);
            for (Problem p : reading.problems()) {
                assertThat(p.code()).isNotBlank();
                // the interpreter's last-resort catch must never be what answered
                assertThat(p.message()).as(in).isNotEqualTo("input could not be interpreted");
                if (p.position() != null) {
                    assertThat(p.position()).as(in + " " + p).isBetween(0, in.length());
                }
            }
        }
    }
}
