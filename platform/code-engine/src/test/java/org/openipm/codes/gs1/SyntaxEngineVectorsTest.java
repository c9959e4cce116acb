package org.openipm.codes.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openipm.codes.Problem;

/**
 * Element string structure vectors of the GS1 Syntax Engine ({@code ^} = FNC1), checked without the AI association
 * rules (those vectors exercise data structure only).
 */
class SyntaxEngineVectorsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "^991234,true", "^891234,false", "^99~ABC,false", "^99ABC~,false",
            "^0112345678901231,true", "^01A2345678901231,false", "^011234567890123A,false",
            "^0112345678901234,false", "^011234567890123,false", "^01123456789012312,false",
            "^0112345678901231^,true", "^011234567890123^,false", "^01123456789012345^,false",
            "^0112345678901231991234,true", "^0112345678901231^991234,true",
            "^2421,true", "^242123456,true", "^242123456^10ABC123,true", "^2421234567,false",
            "^81111234,true", "^8111123,false", "^811112345,false",
            "^800112341234512398,true", "^80011234123451239,false", "^8001123412345123981,false",
            "^7007211225211231,true", "^7007211225,true", "^70072112252,false", "^7007211225211,false",
            "^70072112252212311,false",
            "^800302112345678900ABC,true", "^800302112345678901ABC,false", "^800302112345678900,true",
            "^800302112345678900ABCDEFGHIJKLMNOP,true", "^800302112345678900ABCDEFGHIJKLMNOPQ,false",
            "^7230121234567890123456789012345678,true", "^72301212345678901234567890123456789,false",
            "^7230123,true", "^723012,false",
            "^235ABCDEFGHIJKLMNOPQRSTUVWXYZ12,true", "^235ABCDEFGHIJKLMNOPQRSTUVWXYZ123,false",
            "^0112345678901231235XYZ^10BATCH,true",
            "^423,false", "^4235,false", "^423528,true", "^4235285,false", "^423528528,true",
            "^423528528528528528,true", "^4235285285285285285,false"})
    void structure(String data, boolean ok) {
        String s = data.replace('^', ElementStringParser.GS);
        List<Problem> problems = new ArrayList<>();
        List<RawElement> raw = ElementStringParser.parseScanned(AiDictionary.bundled(), s, 0, problems);
        if (raw != null) {
            Gs1Validator.validateValues(raw, problems);
        }
        assertThat(problems.isEmpty()).as(data + " " + problems).isEqualTo(ok);
    }
}
