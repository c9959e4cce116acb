package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.openipm.codes.Problems.codes;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProprietaryAndClassificationTest {

    private final CodeInterpreter interpreter = new CodeInterpreter();
    private final List<ProprietaryPattern> patterns = List.of(
            new ProprietaryPattern("acme-serial", "ACME-[0-9]{6}"),
            new ProprietaryPattern("any-acme", "ACME-.{1,10}"),
            new ProprietaryPattern("lux", "LV[0-9A-F]{10}"),
            new ProprietaryPattern("too-large", "((a{1,100}){1,100}){1,100}"),
            new ProprietaryPattern("java-only", "(a)\\1"),
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
    @DisplayName("too large, Java-only or broken patterns are never run, and never throw")
    void unsafePatternsSkipped() {
        Interpretation i = interpreter.interpret("a".repeat(40) + "!", patterns);
        assertThat(i.kind()).isEqualTo(CodeKind.UNKNOWN);
        assertThat(interpreter.interpret("aaaa", patterns).matchedPatternIds()).isEmpty();
        assertThat(interpreter.interpret("aa", patterns).matchedPatternIds()).isEmpty();
    }

    @Test
    @DisplayName("patterns that make a backtracking matcher explode answer at once (RE2/J, linear time)")
    void catastrophicBacktrackingShapesAnswerPromptly() {
        List<ProprietaryPattern> hostile = List.of(new ProprietaryPattern("p1", "(a|a){1,100}"),
                new ProprietaryPattern("p2", "(a+)+"), new ProprietaryPattern("p3", "(a|aa)+b"),
                new ProprietaryPattern("p4", "([a-z]+)*\\d"));
        // A hang guard, not a benchmark: the backtracking matcher took seconds at 26 'a's, doubling per character.
        Interpretation i = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> interpreter.interpret("a".repeat(60) + "!", hostile));
        assertThat(i.kind()).isEqualTo(CodeKind.UNKNOWN);
        assertThat(interpreter.interpret("a".repeat(60), hostile).matchedPatternIds()).containsExactly("p1", "p2");
    }

    @Test
    @DisplayName("codes longer than 100 characters are not tried against patterns, and the interpretation says so")
    void longCodesAreNotTriedAgainstPatterns() {
        List<ProprietaryPattern> any = List.of(new ProprietaryPattern("long", "A{1,200}"));
        assertThat(interpreter.interpret("A".repeat(100), any).matchedPatternIds()).containsExactly("long");
        Interpretation i = interpreter.interpret("A".repeat(101), any);
        assertThat(i.kind()).isEqualTo(CodeKind.UNKNOWN);
        assertThat(i.matchedPatternIds()).isEmpty();
        assertThat(codes(i)).containsExactly("UNRECOGNISED", "TOO_LONG_FOR_PATTERNS");
        assertThat(i.problems().get(1).message()).contains("at most 100 characters", "this one has 101");
        assertThat(codes(interpreter.interpret("  " + "A".repeat(100) + "\r\n", any))).isEmpty();
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
