package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeysTest {

    @TempDir
    Path dir;

    @Test
    void generated_once_then_reused() throws Exception {
        Path keysDir = dir.resolve(".ipm/keys");
        LocalKeys first = LocalKeys.ensure(keysDir);
        LocalKeys second = LocalKeys.ensure(keysDir);

        assertThat(second.publicKey()).isEqualTo(first.publicKey());
        assertThat(first.publicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(Files.readString(keysDir.resolve("private.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(keysDir.resolve("public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keysDir.resolve("private.pem"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(keysDir.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keys"); // no temp left
        }
    }

    @Test
    void incomplete_pair_is_replaced() throws Exception {
        Path keysDir = dir.resolve("keys");
        LocalKeys.ensure(keysDir);
        Files.delete(keysDir.resolve("public.pem"));
        LocalKeys again = LocalKeys.ensure(keysDir);
        assertThat(LocalKeys.load(keysDir).publicKey()).isEqualTo(again.publicKey());
    }
}
