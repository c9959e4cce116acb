package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path dir;

    @Test
    void thePasswordIsRandomMadeOnceAndReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("state/db-password");
        String password = LocalSecrets.ensurePassword(file);
        assertThat(password).hasSize(24).doesNotContain("openipm");
        assertThat(LocalSecrets.ensurePassword(file)).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(LocalSecrets.ensurePassword(dir.resolve("other/db-password"))).isNotEqualTo(password);
    }

    @Test
    void composeEnvIsWrittenOnlyWhenThereIsNone() throws Exception {
        Path env = dir.resolve(".env");
        assertThat(LocalSecrets.ensureComposeEnv(env, "first")).isTrue();
        assertThat(LocalSecrets.ensureComposeEnv(env, "second")).isFalse();
        assertThat(Files.readString(env)).contains("IPM_DB_PASSWORD=first\n").doesNotContain("second");
    }
}
