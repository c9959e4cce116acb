package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.codes.Problems.codes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every element-string problem code, with the position it points at. */
class Gs1ProblemsTest {

    private final CodeInterpreter interpreter = new CodeInterpreter();

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "(01)09520123456789|CHECK_DIGIT|17",
            "(01)09520123456788(23)ABC|UNKNOWN_AI|19",
            "]C10109520123456788239ABC|UNKNOWN_AI|19",
            "(01)09520123456788(10)ABC(10)XYZ|DUPLICATE_AI|26",
            "(01)0952012345678A|BAD_CHARACTER|17",
            "(01)09520123456788(10)AB C|BAD_CHARACTER|24",
            "(01)0952012345678|BAD_LENGTH|17",
            "(01)09520123456788(10)ABCDEFGHIJKLMNOPQRSTU|BAD_LENGTH|42",
            "(01)09520123456788(17)201332|INVALID_DATE|24",
            "(01)09520123456788(17)200230|INVALID_DATE|26",
            "(21)123|MISSING_REQUIRED_AI|1",
            "(01)09520123456788(10)|EMPTY_VALUE|22",
            "(01)09520123456788(422)999|INVALID_COUNTRY|23",
            "(00)006141411234567890(4300)ABC%G1|INVALID_PERCENT_ENCODING|31",
            "(01)09520123456788(8001)12340123400120|INVALID_VALUE|36",
            "(01)09520123456788(7003)2512312460|INVALID_TIME|30",
            "(00)006141411234567890(4307)XX|INVALID_COUNTRY|28",
            "(8013)1987654Ad4X4bL5ttr2310cXK|CHECK_DIGIT|29"})
    void problemCodeAndPosition(String input, String code, int position) {
        Interpretation i = interpreter.interpret(input);
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.valid()).isFalse();
        assertThat(i.problems()).as(input).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.position()).isEqualTo(position);
        });
    }

    @Test
    @DisplayName("(21) serial without (01): missing required association, message lists the alternatives")
    void serialWithoutGtin() {
        Interpretation i = interpreter.interpret("(21)123");
        assertThat(codes(i)).containsExactly("MISSING_REQUIRED_AI");
        assertThat(i.problems().get(0).message()).contains("(01)", "(03)", "(8006)");
    }

    @Test
    @DisplayName("(01) and (02) together: exclusive AIs, reported once")
    void gtinAndContent() {
        Interpretation i = interpreter.interpret("(01)09520123456788(02)09520123456788");
        assertThat(codes(i)).containsOnlyOnce("EXCLUSIVE_AIS");
        assertThat(i.problems()).filteredOn(p -> p.code().equals("EXCLUSIVE_AIS"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("(01)", "(02)"));
    }

    @Test
    @DisplayName("pattern exclusions: two net weights in kg (310n) are exclusive; an AI does not exclude itself")
    void patternExclusion() {
        assertThat(codes(interpreter.interpret("(01)09520123456788(3103)000195(3102)001950")))
                .contains("EXCLUSIVE_AIS");
        assertThat(interpreter.interpret("(01)09520123456788(3103)000195").valid()).isTrue();
    }

    @Test
    @DisplayName("'+' joined requirement: (7004) active potency needs both (01) and (10)")
    void joinedRequirement() {
        assertThat(codes(interpreter.interpret("(01)09520123456788(7004)12"))).containsExactly("MISSING_REQUIRED_AI");
        assertThat(interpreter.interpret("(01)09520123456788(10)A(7004)12").valid()).isTrue();
    }

    @Test
    @DisplayName("wrong check digit message names the correct digit")
    void checkDigitMessage() {
        Interpretation i = interpreter.interpret("(01)09520123456789");
        assertThat(i.problems().get(0).message()).contains("8");
        assertThat(i.gtin()).isNull();
    }

    @Test
    @DisplayName("malformed bracketed input")
    void malformed() {
        assertThat(codes(interpreter.interpret("(01"))).containsExactly("MALFORMED");
        assertThat(codes(interpreter.interpret("(AB)12"))).containsExactly("MALFORMED");
        assertThat(codes(interpreter.interpret("]C1"))).containsExactly("EMPTY_VALUE");
    }
}
