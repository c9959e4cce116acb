package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.codes.Problems.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compressed GS1 Digital Link URIs (GS1 Digital Link 1.1 compression). The vectors were made by GS1's own toolkit
 * (see {@code dl-compression/README.md} in the test resources): each compressed URI must give exactly the elements of
 * its uncompressed form.
 */
class CompressedDigitalLinkTest {

    private final CodeInterpreter interpreter = new CodeInterpreter();

    static Stream<Arguments> vectors() throws IOException {
        try (var in = CompressedDigitalLinkTest.class.getResourceAsStream(
                "/org/openipm/codes/dl-compression/compressed-digital-link-vectors.tsv")) {
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .skip(1).filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(15);
            return lines.stream().map(l -> l.split("\t")).map(f -> Arguments.of(f[0], f[1], f[2], f[3]));
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("vectors")
    void compressedGivesTheElementsOfItsUncompressedForm(String name, String form, String uncompressed,
                                                         String compressed) {
        Interpretation plain = interpreter.interpret(uncompressed);
        assertThat(plain.problems()).as(uncompressed).isEmpty();

        Interpretation i = interpreter.interpret(compressed);
        assertThat(i.problems()).as(compressed).isEmpty();
        assertThat(i.valid()).isTrue();
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_DIGITAL_LINK);
        assertThat(i.elements()).as(compressed).containsExactlyInAnyOrderElementsOf(plain.elements());
        assertThat(i.elements().get(0)).isEqualTo(plain.elements().get(0));   // the primary key comes first
        assertThat(i.gtin()).isEqualTo(plain.gtin());
        assertThat(i.notes()).extracting(Note::code).containsExactly(Note.DECOMPRESSED);
    }

    @Test
    @DisplayName("key qualifiers come right after the key in qualifier order, then the data attributes")
    void qualifierOrder() {
        // GS1's toolkit: https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=260426 (optimisation 1A)
        Interpretation i = interpreter.interpret("https://id.gs1.org/GhFRJydaKIlXgn8pQKMDk");
        assertThat(i.elements()).containsExactly(
                new Element("01", "09520123456788", "GTIN"),
                new Element("10", "ABC1", "BATCH/LOT"),
                new Element("21", "12345", "SERIAL"),
                new Element("17", "260426", "USE BY or EXPIRY"));
    }

    @Test
    @DisplayName("digits keep their leading zeros: the compressed data holds their number")
    void leadingZeros() {
        // GS1's toolkit compressed serial 000123 and price 0299 (its own decompression drops the zeros)
        assertThat(interpreter.interpret("https://id.gs1.org/DBFRJydaKAwAD2").elements())
                .contains(new Element("21", "000123", "SERIAL"));
        assertThat(interpreter.interpret("https://example.com/ohFRJydaKICVmBDA").elements())
                .extracting(Element::value).contains("0299", "12");
    }

    @Test
    @DisplayName("uncompressed data attributes in the query of a compressed URI are read too")
    void queryBesideCompressedPath() {
        Interpretation i = interpreter.interpret("https://id.gs1.org/DBFRJydaKAowOQ?17=251231&k=v");
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).extracting(Element::ai).containsExactly("01", "21", "17");
    }

    @Test
    @DisplayName("a compressed GTIN with a wrong check digit is reported like an uncompressed one")
    void checkDigitInCompressedKey() {
        // (01)09520123456788 compressed, then its last GTIN bit flipped: the number ends in 9 -> check digit wrong
        Interpretation good = interpreter.interpret("https://id.gs1.org/DBFRJydaKAowOQ");
        assertThat(good.valid()).isTrue();
        Interpretation i = interpreter.interpret("https://id.gs1.org/DBFRJydaKgowOQ");
        assertThat(i.valid()).isFalse();
        assertThat(codes(i)).containsExactly(ProblemCodes.CHECK_DIGIT);
        assertThat(i.elements().get(0).value()).isEqualTo("09520123456789");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // truncated: the serial's characters are cut off
            "https://id.gs1.org/DBFRJydaKAow|INVALID_COMPRESSION|the data ends inside",
            // a code that is neither an AI nor an optimisation code after a valid first element
            "https://id.gs1.org/DBFRJydaKAowOe4|INVALID_COMPRESSION|code ee is neither an Application Identifier",
            // padding bits not zero
            "https://id.gs1.org/DBFRJydaKAowOR|INVALID_COMPRESSION|padding bits",
            // no primary key: AI (17) alone (hex 17 then N6 251231)
            "https://id.gs1.org/Fz1V8|NO_PRIMARY_KEY|holds no primary key",
            // partly compressed with a corrupt tail
            "https://id.gs1.org/01/09520123456788/_____|INVALID_COMPRESSION|",
            // a plain word is not a compressed Digital Link and has no primary key
            "https://example.com/12312312312333|NO_PRIMARY_KEY|not a compressed GS1 Digital Link either"})
    void corrupt(String uri, String code, String message) {
        Interpretation i = interpreter.interpret(uri);
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_DIGITAL_LINK);
        assertThat(i.valid()).isFalse();
        assertThat(i.problems()).as(uri).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(code);
            if (message != null) {
                assertThat(p.message()).contains(message);
            }
            assertThat(p.position()).isBetween(uri.indexOf('/', 8), uri.length() - 1);
        });
    }
}
