package org.openipm.messaging.cases.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A file is what its first bytes say, whatever its name. */
class FileTypesTest {

    @Test
    void theFourAcceptedTypesAreToldByTheirMagicBytes() {
        assertThat(FileTypes.detect(bytes("%PDF-1.4 ..."))).contains(FileTypes.PDF);
        assertThat(FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB}))
                .contains(FileTypes.JPEG);
        assertThat(FileTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
                .contains(FileTypes.PNG);
        assertThat(FileTypes.detect(bytes("RIFF\u0001\u0000\u0000\u0000WEBPVP8L"))).contains(FileTypes.WEBP);
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(FileTypes.detect(bytes("<html><script>"))).isEmpty();
        assertThat(FileTypes.detect(bytes("RIFF\u0001\u0000\u0000\u0000WAVEfmt "))).isEmpty();
        assertThat(FileTypes.detect(bytes("%PD"))).isEmpty();
        assertThat(FileTypes.detect(new byte[0])).isEmpty();
        assertThat(FileTypes.detect(bytes("PK\u0003\u0004"))).isEmpty();
    }

    @Test
    void aFileIsServedUnderItsOwnNameWithoutPathOrQuotes() {
        assertThat(Attachments.fileNameOf("../../etc/passwd.pdf", FileTypes.PDF)).isEqualTo("passwd.pdf");
        assertThat(Attachments.fileNameOf("C:\\photos\\a\"b.jpg", FileTypes.JPEG)).isEqualTo("ab.jpg");
        assertThat(Attachments.fileNameOf("", FileTypes.PNG)).isEqualTo("attachment.png");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
