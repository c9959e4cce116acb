package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GtinTest {

    private final CodeInterpreter interpreter = new CodeInterpreter();

    @ParameterizedTest(name = "bare GTIN {0} -> {1}")
    @CsvSource({"96385074,00000096385074", "036000291452,00036000291452", "4006381333931,04006381333931",
            "09520123456788,09520123456788"})
    void bareGtins(String in, String gtin14) {
        Interpretation i = interpreter.interpret(in);
        assertThat(i.kind()).isEqualTo(CodeKind.GTIN);
        assertThat(i.valid()).isTrue();
        assertThat(i.gtin()).isEqualTo(gtin14);
        assertThat(i.problems()).isEmpty();
    }

    @ParameterizedTest(name = "wrong check digit {0}: should be {1}")
    @CsvSource({"96385075,4", "036000291453,2", "4006381333932,1", "09520123456789,8"})
    void wrongCheckDigit(String in, int right) {
        Interpretation i = interpreter.interpret(in);
        assertThat(i.kind()).isEqualTo(CodeKind.GTIN);
        assertThat(i.valid()).isFalse();
        assertThat(i.gtin()).isNull();
        assertThat(i.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("CHECK_DIGIT");
            assertThat(p.message()).contains("should be " + right);
            assertThat(p.position()).isEqualTo(in.length() - 1);
        });
    }

    @Test
    @DisplayName("Gtin.hasValidCheckDigit works for any GS1 mod-10 key")
    void anyKey() {
        assertThat(Gtin.hasValidCheckDigit("006141411234567890")).isTrue();   // SSCC
        assertThat(Gtin.hasValidCheckDigit("4006381333931")).isTrue();
        assertThat(Gtin.hasValidCheckDigit("4006381333932")).isFalse();
        assertThat(Gtin.hasValidCheckDigit("40063813339A1")).isFalse();
        assertThat(Gtin.hasValidCheckDigit(null)).isFalse();
        assertThat(Gtin.hasValidCheckDigit("")).isFalse();
    }

    @Test
    @DisplayName("Gtin.normaliseTo14 pads valid GTINs and explains invalid ones precisely")
    void normalise() {
        assertThat(Gtin.normaliseTo14("96385074")).isEqualTo("00000096385074");
        assertThatThrownBy(() -> Gtin.normaliseTo14("9638507")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8, 12, 13 or 14 digits").hasMessageContaining("7");
        assertThatThrownBy(() -> Gtin.normaliseTo14("9638507X")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'X'").hasMessageContaining("position 7");
        assertThatThrownBy(() -> Gtin.normaliseTo14("96385075")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("should be 4");
        assertThatThrownBy(() -> Gtin.normaliseTo14(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Gtin.validationProblem is empty for valid GTINs")
    void validationProblem() {
        assertThat(Gtin.validationProblem("036000291452")).isEmpty();
        assertThat(Gtin.validationProblem("036000291453")).hasValueSatisfying(m -> assertThat(m).contains("2"));
    }
}
