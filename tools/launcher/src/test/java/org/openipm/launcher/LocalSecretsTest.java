package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
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
    void composeEnvHasEveryVariableOnceAndKeepsWhatIsThere() throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve(".env"), "IPM_DB_PASSWORD=kept\nIPM_PRODUCT_DB_PASSWORD=also-kept");
        List<String> added = ComposeEnv.ensure(project, project.resolve(".ipm"));
        assertThat(added).doesNotContain("IPM_DB_PASSWORD", "IPM_PRODUCT_DB_PASSWORD")
                .contains("IPM_LOOKUP_DB_PASSWORD", "IPM_KEYCLOAK_ADMIN_PASSWORD", "IPM_NOTIFICATION_SECRET_KEY");
        Properties env = new Properties();
        env.load(new StringReader(Files.readString(project.resolve(".env"))));
        assertThat(env).containsEntry("IPM_DB_PASSWORD", "kept").containsEntry("IPM_PRODUCT_DB_PASSWORD", "also-kept")
                .containsKeys(ComposeEnv.GENERATED.keySet().toArray());
        assertThat(Base64.getDecoder().decode(env.getProperty("IPM_AUTHENTICATION_SECRET_KEY"))).hasSize(32);
        assertThat(env.getProperty("IPM_LOOKUP_DB_PASSWORD")).hasSize(24).isNotEqualTo(env.getProperty("IPM_MESSAGING_DB_PASSWORD"));
        assertThat(project.resolve(".ipm/state/dossier-keys/private.pem")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(project.resolve(".env")))).isEqualTo("rw-------");

        String written = Files.readString(project.resolve(".env"));
        assertThat(ComposeEnv.ensure(project, project.resolve(".ipm"))).isEmpty();
        assertThat(Files.readString(project.resolve(".env"))).isEqualTo(written);
    }
}
