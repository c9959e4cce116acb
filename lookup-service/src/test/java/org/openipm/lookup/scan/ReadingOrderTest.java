package org.openipm.lookup.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openipm.codes.CodeInterpreter;
import org.openipm.codes.CodeKind;
import org.openipm.codes.Interpretation;

/** Sixteen digits starting with 01 are a GS1 element string first and an IMEISV second: tried in that order. */
class ReadingOrderTest {

    private static final Interpretation SIXTEEN_DIGITS = new CodeInterpreter().interpret("0109520123456788");

    private final List<CodeKind> tried = new ArrayList<>();

    @Test
    void theGs1ReadingIsTriedFirstAndAnswersWhenItFindsAProduct() {
        ReadingOrder.Tried<String> answer = ReadingOrder.firstFound(SIXTEEN_DIGITS,
                reading -> attempt(reading, CodeKind.GS1_ELEMENT_STRING, CodeKind.IMEI), found -> !found.isEmpty());

        assertThat(answer.found()).isTrue();
        assertThat(answer.reading().kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(answer.reading().gtin()).isEqualTo("09520123456788");
        assertThat(tried).containsExactly(CodeKind.GS1_ELEMENT_STRING);
    }

    @Test
    void theImeiReadingAnswersWhenTheGs1ReadingFindsNothing() {
        ReadingOrder.Tried<String> answer = ReadingOrder.firstFound(SIXTEEN_DIGITS,
                reading -> attempt(reading, CodeKind.IMEI), found -> !found.isEmpty());

        assertThat(answer.found()).isTrue();
        assertThat(answer.reading().kind()).isEqualTo(CodeKind.IMEI);
        assertThat(answer.reading().tac()).isEqualTo("01095201");
        assertThat(answer.result()).isEqualTo("IMEI");
        assertThat(tried).containsExactly(CodeKind.GS1_ELEMENT_STRING, CodeKind.IMEI);
    }

    @Test
    void whenNoReadingFindsAnythingTheMostLikelyReadingAnswers() {
        ReadingOrder.Tried<String> answer = ReadingOrder.firstFound(SIXTEEN_DIGITS, reading -> attempt(reading),
                found -> !found.isEmpty());

        assertThat(answer.found()).isFalse();
        assertThat(answer.reading().kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(tried).containsExactly(CodeKind.GS1_ELEMENT_STRING, CodeKind.IMEI);
    }

    @Test
    void aCodeWithOneReadingIsTriedOnce() {
        ReadingOrder.Tried<String> answer = ReadingOrder.firstFound(new CodeInterpreter().interpret("9520123456788"),
                reading -> attempt(reading), found -> !found.isEmpty());

        assertThat(answer.reading().kind()).isEqualTo(CodeKind.GTIN);
        assertThat(tried).containsExactly(CodeKind.GTIN);
    }

    /** Records the reading tried; "finds" something (its kind's name) only for the kinds given. */
    private String attempt(Interpretation reading, CodeKind... finding) {
        tried.add(reading.kind());
        return List.of(finding).contains(reading.kind()) ? reading.kind().name() : "";
    }
}
