package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GS1 element strings as scanners transmit them, and the bracketed human readable form. */
class ElementStringTest {

    private static final String GS = "\u001D";
    private final CodeInterpreter interpreter = new CodeInterpreter();

    @Test
    @DisplayName("GS1-128 scan with symbology identifier ]C1: predefined-length (01) followed directly by (10)")
    void gs1128() {
        Interpretation i = interpreter.interpret("]C1011234567890123110ABC");
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.problems()).isEmpty();
        assertThat(i.valid()).isTrue();
        assertThat(i.gtin()).isEqualTo("12345678901231");
        assertThat(i.elements()).containsExactly(new Element("01", "12345678901231", "GTIN"),
                new Element("10", "ABC", "BATCH/LOT"));
    }

    @ParameterizedTest(name = "symbology identifier {0}")
    @ValueSource(strings = {"]C1", "]e0", "]d2", "]Q3", "]J1"})
    void symbologyIdentifiers(String id) {
        Interpretation i = interpreter.interpret(id + "010952012345678810ABC" + GS + "21123");
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).extracting(Element::ai).containsExactly("01", "10", "21");
        assertThat(i.elements().get(2).value()).isEqualTo("123");
    }

    @Test
    @DisplayName("zbarimg --raw output: no symbology identifier, GS separators")
    void zbarRaw() {
        Interpretation i = interpreter.interpret("010952012345678810ABC" + GS + "21123\n");
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).extracting(Element::value).containsExactly("09520123456788", "ABC", "123");
    }

    @Test
    @DisplayName("a leading GS (transmitted leading FNC1) is tolerated")
    void leadingGs() {
        Interpretation i = interpreter.interpret(GS + "010952012345678810ABC" + GS + "21123");
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).hasSize(3);
    }

    @Test
    @DisplayName("a GS after a predefined-length AI is tolerated")
    void separatorAfterPredefinedLength() {
        Interpretation i = interpreter.interpret("]C10109520123456788" + GS + "10ABC");
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).hasSize(2);
    }

    @Test
    @DisplayName("weights, price and expiry: GS1 General Specifications style element string")
    void measuresAndPrice() {
        Interpretation i = interpreter.interpret("]C1010952012345678831030001953922029" + "9" + GS + "17201225");
        assertThat(i.problems()).isEmpty();
        assertThat(i.elements()).extracting(Element::ai).containsExactly("01", "3103", "3922", "17");
        assertThat(i.elements().get(1).title()).isEqualTo("NET WEIGHT (kg)");
    }

    @Test
    @DisplayName("bracketed human readable form")
    void bracketed() {
        Interpretation i = interpreter.interpret("(01)09520123456788(10)ABC(21)123");
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.valid()).isTrue();
        assertThat(i.gtin()).isEqualTo("09520123456788");
        assertThat(i.elements()).containsExactly(new Element("01", "09520123456788", "GTIN"),
                new Element("10", "ABC", "BATCH/LOT"), new Element("21", "123", "SERIAL"));
    }

    @Test
    @DisplayName("bracketed form: \\( escapes a literal parenthesis in data")
    void bracketedEscape() {
        Interpretation i = interpreter.interpret("(01)09520123456788(10)AB\\(C)D(21)1");
        assertThat(i.valid()).isTrue();
        assertThat(i.elements().get(1).value()).isEqualTo("AB(C)D");
    }

    @Test
    @DisplayName("bracketed form: bad character position accounts for escapes")
    void bracketedEscapePosition() {
        String in = "(01)09520123456788(10)\\(\\(~";
        Interpretation i = interpreter.interpret(in);
        assertThat(i.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("BAD_CHARACTER");
            assertThat(p.position()).isEqualTo(in.indexOf('~'));
        });
    }

    @Test
    @DisplayName("an identical repeated AI is tolerated and reported once")
    void identicalDuplicateTolerated() {
        Interpretation i = interpreter.interpret("(01)09520123456788(10)ABC(10)ABC");
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).hasSize(2);
    }

    @Test
    @DisplayName("(02) content with (37) count and SSCC (00): logistic label")
    void logisticLabel() {
        Interpretation i = interpreter.interpret("(00)006141411234567890(02)09520123456788(37)12");
        assertThat(i.problems()).isEmpty();
        assertThat(i.gtin()).isEqualTo("09520123456788");
    }

    @Test
    @DisplayName("the GTIN of an ITIP (8006) is reported when there is no (01)")
    void itipGtin() {
        Interpretation i = interpreter.interpret("(8006)095201234567880102(21)S1");
        assertThat(i.problems()).isEmpty();
        assertThat(i.gtin()).isEqualTo("09520123456788");
    }
}
