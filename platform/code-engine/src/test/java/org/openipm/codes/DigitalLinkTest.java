package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.codes.Problems.codes;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GS1 Digital Link URIs; vectors from the GS1 Digital Link standard and the GS1 Syntax Engine test suite. */
class DigitalLinkTest {

    private final CodeInterpreter interpreter = new CodeInterpreter();

    @Test
    @DisplayName("id.gs1.org URI with GTIN, batch, serial in the path and expiry in the query")
    void fullExample() {
        Interpretation i = interpreter.interpret("https://id.gs1.org/01/09520123456788/10/ABC123/21/12345?17=201225");
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_DIGITAL_LINK);
        assertThat(i.problems()).isEmpty();
        assertThat(i.valid()).isTrue();
        assertThat(i.gtin()).isEqualTo("09520123456788");
        assertThat(i.elements()).containsExactly(
                new Element("01", "09520123456788", "GTIN"),
                new Element("10", "ABC123", "BATCH/LOT"),
                new Element("21", "12345", "SERIAL"),
                new Element("17", "201225", "USE BY or EXPIRY"));
    }

    @Test
    @DisplayName("any domain and any path stem before the primary key")
    void customStem() {
        Interpretation i = interpreter.interpret("https://example.com/some/stem/01/09520123456788");
        assertThat(i.valid()).isTrue();
        assertThat(i.gtin()).isEqualTo("09520123456788");
    }

    @ParameterizedTest(name = "valid: {0}")
    @ValueSource(strings = {
            "https://id.gs1.org/01/09520123456788",
            "http://a/00/006141411234567890",
            "HTTPS://a/00/006141411234567890",
            "https://a/00/faux/00/006141411234567890",
            "https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ",
            "https://a/01/12312312312333/235/TEST",
            "https://a/253/1231231231232TEST5678901234567",
            "https://a/8018/123456789012345675/8019/123",
            "https://a/stem/00/006141411234567890?",
            "https://a/stem/00/006141411234567890?99=ABC",
            "https://a/01/12312312312333?&&&99=ABC&&&&&&98=XYZ&&&",
            "https://a/01/12312312312333?singleton1&unknown1=555&99=ABC&singleton2&98=XYZ",
            "https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987",
            "https://a/01/12312312312333/22/ABC+123?99=ABC",
            "https://a/01/12312312312333/22/test/10/abc/21/xyz#fragment",
            "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426",
            "https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225",
            "https://brand.example.com/some-extra/pathinfo/01/09520123456788",
            "https://a/8004/9520614141234567?01=09521234543213",
            "https://example.com:8080/01/09520123456788"})
    void validUris(String uri) {
        Interpretation i = interpreter.interpret(uri);
        assertThat(i.problems()).as(uri).isEmpty();
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_DIGITAL_LINK);
        assertThat(i.valid()).isTrue();
    }

    @Test
    @DisplayName("percent-encoding is decoded; '+' is a plus in the path")
    void percentDecoding() {
        Interpretation i = interpreter.interpret("https://a/01/12312312312333/22/ABC%2d123+X?99=A%2FB");
        assertThat(i.elements()).extracting(Element::value).containsExactly("12312312312333", "ABC-123+X", "A/B");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://brand.example.com/01/9520123456788", "https://a/stem/01/036000291452?17=251231",
            "https://a/01/96385074/21/X1"})
    @DisplayName("a GTIN of fewer than 14 digits in the path is not conformant, but the zero-padded GTIN is looked up")
    void zeroSuppressedGtin(String uri) {
        Interpretation i = interpreter.interpret(uri);
        assertThat(i.valid()).isFalse();
        String digits = uri.replaceAll(".*/01/(\\d+).*", "$1");
        String padded = "0".repeat(14 - digits.length()) + digits;
        assertThat(i.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.GTIN_NOT_14_DIGITS);
            assertThat(p.message()).contains(digits.length() + " digits").contains("/01/" + padded);
            assertThat(p.position()).isEqualTo(uri.indexOf("/01/") + 4);
        });
        assertThat(i.gtin()).isEqualTo(padded);
        assertThat(i.elements().get(0)).isEqualTo(new Element("01", padded, "GTIN"));
        assertThat(i.notes()).extracting(Note::code).containsExactly(Note.ZERO_PADDED_GTIN);
        assertThat(i.notes().get(0).message()).contains(padded);
    }

    @Test
    @DisplayName("a conformant 14-digit GTIN gets no note and no problem")
    void fourteenDigitGtinNoNote() {
        Interpretation i = interpreter.interpret("https://brand.example.com/01/09520123456788");
        assertThat(i.valid()).isTrue();
        assertThat(i.notes()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://id.gs1.org/01/09520123456788?21=12345|KEY_QUALIFIER_IN_QUERY",
            "https://id.gs1.org/01/09520123456788/21/12345?10=ABC|KEY_QUALIFIER_IN_QUERY",
            "https://id.gs1.org/01/09520123456788/21/12345/10/ABC|INVALID_KEY_QUALIFIER_SEQUENCE",
            "https://a/01/12312312312333/22/TEST/235/XYZ|INVALID_KEY_QUALIFIER_SEQUENCE",
            "https://id.gs1.org/01/09520123456789|CHECK_DIGIT",
            "https://a/01/12312312312333?99=ABC&999=faux|UNKNOWN_AI",
            "https://a/01/12312312312333?99=|EMPTY_VALUE",
            "https://a/01/12312312312333/10/|EMPTY_VALUE",
            "https://a/01//12312312312333|NO_PRIMARY_KEY",
            "https://a/stem/00/006141411234567890/|NO_PRIMARY_KEY",
            "https://a/01/12312312312333/99/ABC|INVALID_KEY_QUALIFIER_SEQUENCE",
            "https://a/253/1231231231232TEST56789012345678|BAD_LENGTH",
            "https://a/01/12312312312333<bad|BAD_CHARACTER",
            "https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ+987|BAD_CHARACTER",
            "https://a/01/1231231231233%003|BAD_CHARACTER",
            "https://a/01/12312312312333?99=ABC&99=ABC|DUPLICATE_AI",
            "https://a/01/12312312312333?8200=https%3A%2F%2Fx|NOT_DL_ATTRIBUTE",
            "https://a/01/12312312312333?17=201332|INVALID_DATE",
            "HtTp://a/b/00/006141411234567890|INVALID_URI",
            "http://a|INVALID_URI",
            "http:///01/12312312312333|INVALID_URI",
            "https://a/01/12312312312333?02=12312312312333|EXCLUSIVE_AIS",
            "https://a/8004/9520614141234567?01=2112345678900|BAD_LENGTH"})
    void rejected(String uri, String code) {
        Interpretation i = interpreter.interpret(uri);
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_DIGITAL_LINK);
        assertThat(i.valid()).isFalse();
        assertThat(codes(i)).as(uri + " -> " + i.problems()).contains(code);
    }

    @Test
    @DisplayName("a key qualifier in the query names the AI and points at it")
    void keyQualifierInQueryPosition() {
        String uri = "https://id.gs1.org/01/09520123456788?21=12345";
        Interpretation i = interpreter.interpret(uri);
        assertThat(i.problems()).hasSize(1);
        Problem p = i.problems().get(0);
        assertThat(p.message()).contains("(21)").contains("path");
        assertThat(p.position()).isEqualTo(uri.indexOf("21="));
    }

    @Test
    @DisplayName("a wrong GTIN check digit in a URI points at the digit and names the right one")
    void checkDigitPosition() {
        String uri = "https://id.gs1.org/01/09520123456789";
        Interpretation i = interpreter.interpret(uri);
        assertThat(i.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(uri.length() - 1);
            assertThat(p.message()).contains("8");
        });
        assertThat(i.gtin()).isNull();
    }

    @Test
    @DisplayName("a symbology identifier in front of a URI (QR Code ]Q1) is tolerated")
    void symbologyIdBeforeUri() {
        Interpretation i = interpreter.interpret("]Q1https://id.gs1.org/01/09520123456788");
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_DIGITAL_LINK);
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).extracting(Element::ai).isEqualTo(List.of("01"));
    }
}
