package org.openipm.launcher;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * docker-compose's secrets: {@code .env} beside docker-compose.yml, with every password and key the compose file
 * asks for ({@code ${NAME:?}}), each random and made once. A variable an older {@code .env} lacks is appended; a
 * value already there is never changed (a database initialised with it would no longer be reachable). The
 * database superuser's password is the local run's own ({@code .ipm/state/db-password}), as before. Also makes
 * the dossier signing key messaging-service mounts ({@code .ipm/state/dossier-keys/private.pem}).
 */
public final class ComposeEnv {

    /** The database superuser's password: the one {@code ./ipm up} uses for its own PostgreSQL. */
    public static final String SUPERUSER_PASSWORD = "IPM_DB_PASSWORD";

    /** Every other variable docker-compose.yml reads, with what it is. */
    public static final Map<String, String> GENERATED = generated();

    private ComposeEnv() {
    }

    private static Map<String, String> generated() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            variables.put("IPM_" + service.envPrefix() + "_DB_PASSWORD", "password of " + service.name() + "'s database role");
        }
        variables.put("IPM_KEYCLOAK_DB_PASSWORD", "password of Keycloak's database role");
        variables.put("IPM_KEYCLOAK_ADMIN_PASSWORD", "Keycloak's first administrator (user admin)");
        variables.put("IPM_AUTHENTICATION_SECRET_KEY", "AES-256 key sealing providers' secrets");
        variables.put("IPM_NOTIFICATION_SECRET_KEY", "AES-256 key sealing webhook secrets");
        return Collections.unmodifiableMap(variables);
    }

    /**
     * Writes or completes {@code projectDir/.env}, using the local state under {@code ipmDir}. Returns the names
     * of the variables it added (empty: nothing to do).
     */
    public static List<String> ensure(Path projectDir, Path ipmDir) throws IOException {
        Path stateDir = ipmDir.resolve("state");
        try {
            LocalSecrets.ensureKeys(stateDir.resolve("dossier-keys"));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot make the dossier signing key", e);
        }
        Path file = projectDir.resolve(".env");
        Properties existing = new Properties();
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII) : "";
        existing.load(new StringReader(before));
        StringBuilder added = new StringBuilder(before.isEmpty()
                ? "# Written by ./ipm for docker-compose (passwords and keys, each made once); never commit it.\n"
                : before.endsWith("\n") ? "" : "\n");
        List<String> names = new ArrayList<>();
        if (!existing.containsKey(SUPERUSER_PASSWORD)) {
            added.append("# the database superuser (openipm), as in .ipm/state/db-password\n");
            added.append(SUPERUSER_PASSWORD).append('=').append(LocalSecrets.ensurePassword(stateDir.resolve("db-password"))).append('\n');
            names.add(SUPERUSER_PASSWORD);
        }
        for (Map.Entry<String, String> variable : GENERATED.entrySet()) {
            if (!existing.containsKey(variable.getKey())) {
                String value = variable.getKey().endsWith("_KEY") ? LocalSecrets.randomKey() : LocalSecrets.randomPassword();
                added.append("# ").append(variable.getValue()).append('\n');
                added.append(variable.getKey()).append('=').append(value).append('\n');
                names.add(variable.getKey());
            }
        }
        if (!names.isEmpty()) {
            LocalSecrets.writeOwnerOnly(file, before + added);
        }
        return names;
    }
}
