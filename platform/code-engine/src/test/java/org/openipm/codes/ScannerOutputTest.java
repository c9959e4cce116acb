package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What scanners in keyboard mode and common decoders really send: no symbology identifier, separators. */
class ScannerOutputTest {

    private final CodeInterpreter interpreter = new CodeInterpreter();

    @Test
    @DisplayName("an element string without symbology identifier and without separators is read when it validates")
    void unprefixedElementString() {
        Interpretation i = interpreter.interpret("01095201234567881725123110ABC");
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.valid()).isTrue();
        assertThat(i.gtin()).isEqualTo("09520123456788");
        assertThat(i.elements()).extracting(Element::ai).containsExactly("01", "17", "10");
        assertThat(i.notes()).extracting(Note::code).containsExactly(Note.NO_SYMBOLOGY_IDENTIFIER);
        assertThat(i.alternatives()).isEmpty();
    }

    @Test
    @DisplayName("(01) alone is 16 digits: the GS1 reading first, the IMEISV reading as alternative")
    void sixteenDigitsBothReadings() {
        Interpretation i = interpreter.interpret("0109520123456788");
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.gtin()).isEqualTo("09520123456788");
        assertThat(i.alternatives()).singleElement().satisfies(alt -> {
            assertThat(alt.kind()).isEqualTo(CodeKind.IMEI);
            assertThat(alt.imei()).isEqualTo("010952012345674");
            assertThat(alt.valid()).isTrue();
        });
        assertThat(i.readings()).extracting(Interpretation::kind)
                .containsExactly(CodeKind.GS1_ELEMENT_STRING, CodeKind.IMEI);
        assertThat(i.readings().get(0).alternatives()).isEmpty();
    }

    @Test
    @DisplayName("a brand pattern matching the same input is listed as a further reading")
    void proprietaryAlternative() {
        Interpretation i = interpreter.interpret("01095201234567881725123110ABC",
                List.of(new ProprietaryPattern("lot-code", "01\\d{14}17\\d{6}10[A-Z]+")));
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.alternatives()).singleElement().satisfies(alt -> {
            assertThat(alt.kind()).isEqualTo(CodeKind.PROPRIETARY);
            assertThat(alt.matchedPatternIds()).containsExactly("lot-code");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "0109520123456789",                 // GTIN check digit wrong: only the IMEISV reading remains
            "1725123110ABC",                    // valid values but no identification key: not a GS1 reading
            "0109520123456788172513311"})       // month 13: the linter refuses it
    @DisplayName("an unprefixed string that breaks a GS1 rule or holds no key is not read as an element string")
    void unprefixedInvalidIsNotGs1(String in) {
        Interpretation i = interpreter.interpret(in);
        assertThat(i.readings()).extracting(Interpretation::kind).doesNotContain(CodeKind.GS1_ELEMENT_STRING);
    }

    @Test
    @DisplayName("a valid EAN-13 stays a GTIN; an element-string reading of the same digits would come second")
    void gtinFirst() {
        Interpretation i = interpreter.interpret("4006381333931");
        assertThat(i.kind()).isEqualTo(CodeKind.GTIN);
        assertThat(i.gtin()).isEqualTo("04006381333931");
        assertThat(i.notes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"35-209900-176148-1", "35 209900 176148 1", "352099-00-176148-1", "3520 9900 1761 481"})
    @DisplayName("IMEIs printed or typed with hyphens or spaces are accepted")
    void imeiWithSeparators(String in) {
        Interpretation i = interpreter.interpret(in);
        assertThat(i.kind()).isEqualTo(CodeKind.IMEI);
        assertThat(i.valid()).isTrue();
        assertThat(i.imei()).isEqualTo("352099001761481");
        assertThat(i.tac()).isEqualTo("35209900");
        assertThat(i.notes()).extracting(Note::code).containsExactly(Note.SEPARATORS_REMOVED);
    }

    @Test
    @DisplayName("a wrong IMEI check digit behind separators points at that digit in the input")
    void imeiWithSeparatorsWrongCheckDigit() {
        String in = "35-209900-176148-2";
        Interpretation i = interpreter.interpret(in);
        assertThat(i.valid()).isFalse();
        assertThat(i.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.CHECK_DIGIT);
            assertThat(p.position()).isEqualTo(in.length() - 1);
        });
    }

    @Test
    @DisplayName("an IMEISV with separators")
    void imeisvWithSeparators() {
        Interpretation i = interpreter.interpret("35 209900 176148 23");
        assertThat(i.kind()).isEqualTo(CodeKind.IMEI);
        assertThat(i.imei()).isEqualTo("352099001761481");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"35--209900-176148-1", "35-209900-176148-1-", "35_209900_176148_1", "35-2099",
            "2025-12-31", "4 006381 333931"})
    @DisplayName("doubled, trailing or other separators, or other lengths than an IMEI's or IMEISV's, are not read")
    void notImei(String in) {
        Interpretation i = interpreter.interpret(in);
        assertThat(i.kind()).isEqualTo(CodeKind.UNKNOWN);
    }
}
