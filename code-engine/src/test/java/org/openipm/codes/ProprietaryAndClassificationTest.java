package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.codes.Problems.codes;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProprietaryAndClassificationTest {

    private final CodeInterpreter interpreter = new CodeInterpreter();
    private final List<ProprietaryPattern> patterns = List.of(
            new ProprietaryPattern("acme-serial", "ACME-[0-9]{6}"),
            new ProprietaryPattern("any-acme", "ACME-.{1,10}"),
            new ProprietaryPattern("lux", "LV[0-9A-F]{10}"),
            new ProprietaryPattern("unsafe", "(a+)+"),
            new ProprietaryPattern("broken", "[a-"));

    @Test
    @DisplayName("a proprietary code lists every matching pattern id (full match only)")
    void proprietaryMatch() {
        Interpretation i = interpreter.interpret("ACME-123456", patterns);
        assertThat(i.kind()).isEqualTo(CodeKind.PROPRIETARY);
        assertThat(i.valid()).isTrue();
        assertThat(i.matchedPatternIds()).containsExactly("acme-serial", "any-acme");
        assertThat(interpreter.interpret("xACME-123456", patterns).kind()).isEqualTo(CodeKind.UNKNOWN);
    }

    @Test
    @DisplayName("unsafe or broken patterns are never run, and never throw")
    void unsafePatternsSkipped() {
        Interpretation i = interpreter.interpret("a".repeat(40) + "!", patterns);
        assertThat(i.kind()).isEqualTo(CodeKind.UNKNOWN);
        assertThat(interpreter.interpret("aaaa", patterns).matchedPatternIds()).isEmpty();
    }

    @Test
    @DisplayName("nothing recognised: UNKNOWN, invalid, UNRECOGNISED")
    void unknown() {
        Interpretation i = interpreter.interpret("hello world");
        assertThat(i.kind()).isEqualTo(CodeKind.UNKNOWN);
        assertThat(i.valid()).isFalse();
        assertThat(codes(i)).containsExactly("UNRECOGNISED");
        assertThat(codes(interpreter.interpret(""))).containsExactly("UNRECOGNISED");
        assertThat(codes(interpreter.interpret(null))).containsExactly("UNRECOGNISED");
        assertThat(codes(interpreter.interpret("1234567"))).containsExactly("UNRECOGNISED");
    }

    @Test
    @DisplayName("input longer than 2048 characters: TOO_LONG, no exception")
    void tooLong() {
        Interpretation i = interpreter.interpret("https://a/01/" + "1".repeat(3000));
        assertThat(i.kind()).isEqualTo(CodeKind.UNKNOWN);
        assertThat(codes(i)).containsExactly("TOO_LONG");
    }

    @Test
    @DisplayName("classification order: URI, element string, digits, proprietary")
    void order() {
        List<ProprietaryPattern> digits = List.of(new ProprietaryPattern("digits", "\\d{8,16}"));
        assertThat(interpreter.interpret("https://id.gs1.org/01/09520123456788", digits).kind())
                .isEqualTo(CodeKind.GS1_DIGITAL_LINK);
        assertThat(interpreter.interpret("(01)09520123456788", digits).kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(interpreter.interpret("96385074", digits).kind()).isEqualTo(CodeKind.GTIN);
        assertThat(interpreter.interpret("490154203237518", digits).kind()).isEqualTo(CodeKind.IMEI);
        assertThat(interpreter.interpret("1234567890", digits).kind()).isEqualTo(CodeKind.PROPRIETARY);
    }

    @Test
    @DisplayName("surrounding whitespace and CR/LF from scanners are ignored, positions stay in the raw input")
    void trimmed() {
        Interpretation i = interpreter.interpret("  96385075\r\n");
        assertThat(i.problems()).singleElement().satisfies(p -> assertThat(p.position()).isEqualTo(9));
        assertThat(i.input()).isEqualTo("  96385075\r\n");
    }

    @Test
    @DisplayName("EAN-13 symbology identifier ]E0 in front of a GTIN")
    void eanSymbologyId() {
        Interpretation i = interpreter.interpret("]E04006381333931");
        assertThat(i.kind()).isEqualTo(CodeKind.GTIN);
        assertThat(i.gtin()).isEqualTo("04006381333931");
    }
}
