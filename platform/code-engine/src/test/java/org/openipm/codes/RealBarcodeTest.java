package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real symbols: encoded with zint, decoded with zbarimg (GS1-128, EAN-13, QR Code) or dmtxread (GS1 DataMatrix), and
 * exactly what the decoder printed is interpreted. Neither decoder sends a symbology identifier, as many keyboard-mode
 * scanners do not. The Debian packages zint, zbar-tools and dmtx-utils provide the tools (.ci/run installs them);
 * without them these tests are skipped.
 */
class RealBarcodeTest {

    private static final String GS = "\u001D";
    private final CodeInterpreter interpreter = new CodeInterpreter();

    @TempDir
    Path dir;

    @Test
    @DisplayName("GS1-128 (01)(17)(10): zbarimg prints it without separator and identifier")
    void gs1128FixedThenVariable() throws Exception {
        String printed = zbar(zint("16", "[01]09520123456788[17]251231[10]ABC", "--gs1"));
        assertThat(printed).isEqualTo("01095201234567881725123110ABC\n");
        Interpretation i = interpreter.interpret(printed);
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).containsExactly(new Element("01", "09520123456788", "GTIN"),
                new Element("17", "251231", "USE BY or EXPIRY"), new Element("10", "ABC", "BATCH/LOT"));
        assertThat(i.notes()).extracting(Note::code).containsExactly(Note.NO_SYMBOLOGY_IDENTIFIER);
    }

    @Test
    @DisplayName("GS1-128 (01)(10)(21): zbarimg prints a GS after the lot")
    void gs1128WithSeparator() throws Exception {
        String printed = zbar(zint("16", "[01]09520123456788[10]ABC[21]S123", "--gs1"));
        assertThat(printed).isEqualTo("010952012345678810ABC" + GS + "21S123\n");
        Interpretation i = interpreter.interpret(printed);
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).extracting(Element::value).containsExactly("09520123456788", "ABC", "S123");
        assertThat(i.notes()).extracting(Note::code).containsExactly(Note.NO_SYMBOLOGY_IDENTIFIER);
    }

    @Test
    @DisplayName("GS1-128 with (01) only: 16 digits, read as GTIN first and as IMEISV second")
    void gs1128GtinOnly() throws Exception {
        String printed = zbar(zint("16", "[01]09520123456788", "--gs1"));
        Interpretation i = interpreter.interpret(printed);
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.gtin()).isEqualTo("09520123456788");
        assertThat(i.alternatives()).extracting(Interpretation::kind).containsExactly(CodeKind.IMEI);
    }

    @Test
    @DisplayName("GS1-128 with a wrong check digit is not read as an element string (zint refuses; we build it raw)")
    void gs1128WrongCheckDigit() throws Exception {
        // Code 128 without GS1 mode carries the same digits without FNC1: what a forger's printer may produce.
        String printed = zbar(zint("20", "01095201234567891725123110ABC"));
        Interpretation i = interpreter.interpret(printed);
        assertThat(i.readings()).extracting(Interpretation::kind).doesNotContain(CodeKind.GS1_ELEMENT_STRING);
        assertThat(i.valid()).isFalse();
    }

    @Test
    @DisplayName("EAN-13: zbarimg prints the 13 digits")
    void ean13() throws Exception {
        String printed = zbar(zint("13", "400638133393"));
        assertThat(printed).isEqualTo("4006381333931\n");
        Interpretation i = interpreter.interpret(printed);
        assertThat(i.kind()).isEqualTo(CodeKind.GTIN);
        assertThat(i.gtin()).isEqualTo("04006381333931");
    }

    @Test
    @DisplayName("QR Code with a GS1 Digital Link URI")
    void qrDigitalLink() throws Exception {
        String uri = "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=260426";
        String printed = zbar(zint("58", uri, "--scale=4"));
        Interpretation i = interpreter.interpret(printed);
        assertThat(i.kind()).isEqualTo(CodeKind.GS1_DIGITAL_LINK);
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).extracting(Element::ai).containsExactly("01", "10", "21", "17");
    }

    @Test
    @DisplayName("QR Code with a compressed GS1 Digital Link URI gives the elements of its uncompressed form")
    void qrCompressedDigitalLink() throws Exception {
        // GS1's toolkit compressed https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=260426 to this
        String printed = zbar(zint("58", "https://id.gs1.org/GhFRJydaKIlXgn8pQKMDk", "--scale=4"));
        Interpretation i = interpreter.interpret(printed);
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).isEqualTo(
                interpreter.interpret("https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=260426").elements());
    }

    @Test
    @DisplayName("QR Code with a GS1 Digital Link URI whose GTIN has 13 digits: not valid, zero-padded GTIN looked up")
    void qrShortGtin() throws Exception {
        String printed = zbar(zint("58", "https://brand.example.com/01/9520123456788", "--scale=4"));
        Interpretation i = interpreter.interpret(printed);
        assertThat(i.valid()).isFalse();
        assertThat(i.gtin()).isEqualTo("09520123456788");
        assertThat(i.notes()).extracting(Note::code).containsExactly(Note.ZERO_PADDED_GTIN);
    }

    @Test
    @DisplayName("GS1 DataMatrix: dmtxread with FNC1 shown as GS prints a leading GS and one after the lot")
    void gs1DataMatrix() throws Exception {
        assumeTrue(onPath("dmtxread"), "dmtxread not found: install the Debian package dmtx-utils (CI does)");
        Path png = zint("71", "[01]09520123456788[10]ABC[21]S123", "--gs1", "--scale=6", "--whitesp=10",
                "--vwhitesp=10");
        String printed = run(List.of("dmtxread", "-n", "-G", "29", png.toString()));
        assertThat(printed).isEqualTo(GS + "010952012345678810ABC" + GS + "21S123\n");
        Interpretation i = interpreter.interpret(printed);
        assertThat(i.valid()).isTrue();
        assertThat(i.elements()).extracting(Element::value).containsExactly("09520123456788", "ABC", "S123");
    }

    private Path zint(String symbology, String data, String... options) throws Exception {
        assumeTrue(onPath("zint") && onPath("zbarimg"),
                "zint or zbarimg not found: install the Debian packages zint and zbar-tools (CI does)");
        Path png = Files.createTempFile(dir, "symbol", ".png");
        List<String> cmd = new ArrayList<>(List.of("zint", "-b", symbology, "-o", png.toString(), "-d", data));
        cmd.addAll(List.of(options));
        run(cmd);
        return png;
    }

    private String zbar(Path png) throws Exception {
        return run(List.of("zbarimg", "--raw", "-q", png.toString()));
    }

    private String run(List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd.get(0) + " did not finish");
        }
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
        return Files.readString(out, StandardCharsets.ISO_8859_1);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
