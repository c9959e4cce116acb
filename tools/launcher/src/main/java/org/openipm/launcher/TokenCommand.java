package org.openipm.launcher;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ./ipm token ROLE}: a JWT signed RS256 with the local key (made on first use), accepted by the services
 * that {@code ./ipm up} starts: same issuer, audience and key.
 */
@Command(name = "token")
final class TokenCommand implements Callable<Integer> {

    static final List<String> ROLES = List.of("officer", "brand", "customs-system", "ssp", "admin");
    /**
     * Brand, officer and SSP users always act for an organisation, and the services check it: each role gets a
     * plausible local one. The customs system is a customs authority's; an admin's org is not used for access.
     */
    static final Map<String, String> DEFAULT_ORGS = Map.of("officer", "fr-customs", "brand", "acme",
            "customs-system", "fr-customs", "ssp", "local-ssp", "admin", "local-org");
    static final int MAX_TTL_MINUTES = 7 * 24 * 60;

    @ParentCommand
    Ipm ipm;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ROLE")
    String role;

    @Option(names = "--org", paramLabel = "ID")
    String org;

    @Option(names = "--country", paramLabel = "CC", defaultValue = "FR")
    String country;

    @Option(names = "--sub", paramLabel = "NAME")
    String subject;

    @Option(names = "--ttl", paramLabel = "MINUTES", defaultValue = "60")
    int ttlMinutes;

    @Override
    public Integer call() throws Exception {
        validate();
        Path ipmDir = Settings.ipmDir(ipm.home, ipm.env);
        PrivateKey key = LocalSecrets.ensureKeys(ipmDir.resolve("keys"));
        ipm.out.println(sign(key, Instant.now()));
        if (RunState.read(ipmDir).flatMap(state -> state.live(RunState.KEYCLOAK)).isPresent()) {
            // On stderr: $(./ipm token brand) still captures only the token.
            spec.commandLine().getErr().println("ipm: warning: the running services trust Keycloak (./ipm up --keycloak)"
                    + " and refuse this token; ask Keycloak for one (deploy/keycloak/README.md).");
        }
        return 0;
    }

    void validate() {
        if (!ROLES.contains(role)) {
            throw LauncherException.usage("Unknown role '" + role + "': use one of " + String.join(", ", ROLES) + ".");
        }
        country = country.toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw LauncherException.usage("--country must be a two-letter ISO 3166 code such as FR, not '" + country + "'.");
        }
        if (ttlMinutes < 1 || ttlMinutes > MAX_TTL_MINUTES) {
            throw LauncherException.usage("--ttl must be a number of minutes from 1 to " + MAX_TTL_MINUTES + ".");
        }
    }

    String sign(PrivateKey key, Instant now) {
        String sub = subject != null ? subject : "local-" + role;
        return Jwt.issuer(Settings.ISSUER).audience(Settings.AUDIENCE).subject(sub).upn(sub).groups(role)
                .claim("org", org != null ? org : DEFAULT_ORGS.get(role)).claim("country", country)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(ttlMinutes)))
                .jws().keyId("ipm-local").sign(key);
    }
}
