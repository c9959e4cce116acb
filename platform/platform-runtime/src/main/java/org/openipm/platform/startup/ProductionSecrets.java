package org.openipm.platform.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The secrets a production service must be given and never finds in its own jar: the database password and the
 * key (or JWKS URL) that verifies tokens. Without them a service would either fail later with a less helpful
 * error or, worse, run on a default anyone can read in the source.
 */
public final class ProductionSecrets {

    static final String DATASOURCE_PASSWORD = "quarkus.datasource.password";
    static final String JWT_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String JWT_KEY = "mp.jwt.verify.publickey";

    private ProductionSecrets() {
    }

    /** What is missing, one line per setting with the environment variable that provides it; empty when all is set. */
    public static List<String> missing(Function<String, Optional<String>> config) {
        List<String> missing = new ArrayList<>();
        if (absent(config, DATASOURCE_PASSWORD)) {
            missing.add("the database password: set QUARKUS_DATASOURCE_PASSWORD (" + DATASOURCE_PASSWORD + ")");
        }
        if (absent(config, JWT_KEY_LOCATION) && absent(config, JWT_KEY)) {
            missing.add("the token verification key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (" + JWT_KEY_LOCATION
                    + ") to the identity provider's JWKS URL or a PEM file");
        }
        return missing;
    }

    /** Refuses to go on when a secret is missing, saying which and how to provide it. */
    public static void require(Function<String, Optional<String>> config) {
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production without " + String.join("; and ", missing)
                    + ". Production has no default for either (see deploy/README.md).");
        }
    }

    private static boolean absent(Function<String, Optional<String>> config, String name) {
        return config.apply(name).map(String::isBlank).orElse(true);
    }
}
