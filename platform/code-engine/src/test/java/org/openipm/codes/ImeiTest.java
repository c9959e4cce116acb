package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IMEI / IMEISV per 3GPP TS 23.003. */
class ImeiTest {

    private final CodeInterpreter interpreter = new CodeInterpreter();

    @Test
    @DisplayName("15-digit IMEI with valid Luhn check digit; TAC extracted")
    void imei15() {
        Interpretation i = interpreter.interpret("490154203237518");
        assertThat(i.kind()).isEqualTo(CodeKind.IMEI);
        assertThat(i.valid()).isTrue();
        assertThat(i.imei()).isEqualTo("490154203237518");
        assertThat(i.tac()).isEqualTo("49015420");
        assertThat(i.gtin()).isNull();
    }

    @Test
    @DisplayName("15-digit IMEI with a wrong check digit: CHECK_DIGIT naming the right one")
    void imeiWrongCheckDigit() {
        Interpretation i = interpreter.interpret("490154203237519");
        assertThat(i.kind()).isEqualTo(CodeKind.IMEI);
        assertThat(i.valid()).isFalse();
        assertThat(i.imei()).isNull();
        assertThat(i.tac()).isEqualTo("49015420");
        assertThat(i.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("CHECK_DIGIT");
            assertThat(p.message()).contains("should be 8");
            assertThat(p.position()).isEqualTo(14);
        });
    }

    @Test
    @DisplayName("16-digit IMEISV: software version dropped, check digit computed")
    void imeisv() {
        Interpretation i = interpreter.interpret("4901542032375101");
        assertThat(i.kind()).isEqualTo(CodeKind.IMEI);
        assertThat(i.valid()).isTrue();
        assertThat(i.imei()).isEqualTo("490154203237518");
        assertThat(i.tac()).isEqualTo("49015420");
    }

    @Test
    @DisplayName("14 digits, bad GS1 check digit, GSMA reporting body prefix: IMEI without check digit")
    void imei14() {
        assertThat(Gtin.hasValidCheckDigit("35209900176148")).isFalse();
        Interpretation i = interpreter.interpret("35209900176148");
        assertThat(i.kind()).isEqualTo(CodeKind.IMEI);
        assertThat(i.valid()).isTrue();
        assertThat(i.imei()).isEqualTo("352099001761481");
        assertThat(i.tac()).isEqualTo("35209900");
    }

    @Test
    @DisplayName("14 digits with a valid GS1 check digit are a GTIN-14, even if they could be an IMEI")
    void fourteenDigitsValidGtinWins() {
        Interpretation i = interpreter.interpret("49015420323751");
        assertThat(i.kind()).isEqualTo(CodeKind.GTIN);
        assertThat(i.gtin()).isEqualTo("49015420323751");
    }

    @Test
    @DisplayName("helpers")
    void helpers() {
        assertThat(Imei.luhnValid("490154203237518")).isTrue();
        assertThat(Imei.luhnValid("490154203237517")).isFalse();
        assertThat(Imei.luhnValid("49015420323751")).isFalse();
        assertThat(Imei.luhnValid(null)).isFalse();
        assertThat(Imei.luhnCheckDigit("49015420323751")).isEqualTo(8);
        assertThat(Imei.tacOf("4901542032375101")).isEqualTo("49015420");
        assertThat(Imei.toImei15("49015420323751")).contains("490154203237518");
        assertThat(Imei.toImei15("490154203237517")).isEmpty();
        assertThatThrownBy(() -> Imei.tacOf("1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("AI (8040) IMEI in a GS1 element string fills imei and tac")
    void imeiAi() {
        Interpretation i = interpreter.interpret("(01)09520123456788(21)S1(8040)490154203237518");
        assertThat(i.problems()).isEmpty();
        assertThat(i.imei()).isEqualTo("490154203237518");
        assertThat(i.tac()).isEqualTo("49015420");
    }
}
