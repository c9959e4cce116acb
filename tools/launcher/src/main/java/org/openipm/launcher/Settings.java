package org.openipm.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a run depends on, read from the environment (see ipm-usage.txt): ports, external Kafka or
 * database, the services to start, where {@code .ipm/} is. Free of side effects: unit-tested with a map.
 */
final class Settings {

    static final String ISSUER = "https://openipm.local";
    static final String AUDIENCE = "openipm";
    static final String DATABASE = "openipm";
    static final String DB_USER = "openipm";
    private static final String SECRET_KEY = "OPENIPM_AUTHENTICATION_SECRET_KEY";
    private static final String DOSSIER_KEY = "OPENIPM_DOSSIER_SIGNING_KEY_LOCATION";
    private static final String WEBHOOK_SECRET_KEY = "OPENIPM_NOTIFICATION_SECRET_KEY";

    /** JDBC URL, user and password (null: none given) handed to a service. */
    record Db(String url, String user, String password) {
    }

    /** A port a component will listen on, and the variable that moves it. */
    record Port(String component, int port, String variable) {
    }

    private final Map<String, String> env;
    final Path projectDir;
    final Path ipmDir;
    final Path logsDir;
    final Path stateDir;
    final Path keysDir;
    final Path passwordFile;
    final int kafkaPort;
    final int kafkaControllerPort;
    final int postgresPort;
    final int keycloakPort;
    final Optional<String> externalKafka;
    final Optional<Db> externalDb;
    final List<ServiceDefinition> services;
    final boolean jsonLogs;
    final Duration readyTimeout;
    /** Keycloak's first start builds its server image: IPM_READY_TIMEOUT if given, else 5 minutes. */
    final Duration keycloakReadyTimeout;
    final Duration downTimeout;
    private final Map<ServiceDefinition, Integer> servicePorts = new HashMap<>();

    Settings(Path projectDir, Map<String, String> env) {
        this.env = env;
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.ipmDir = ipmDir(this.projectDir, env);
        logsDir = ipmDir.resolve("logs");
        stateDir = ipmDir.resolve("state");
        keysDir = ipmDir.resolve("keys");
        passwordFile = stateDir.resolve("db-password");
        ServiceDefinition.ALL.forEach(s -> servicePorts.put(s, port(s.portEnv(), s.defaultPort())));
        kafkaPort = port("IPM_KAFKA_PORT", 9092);
        kafkaControllerPort = port("IPM_KAFKA_CONTROLLER_PORT", kafkaPort + 1);
        postgresPort = port("IPM_POSTGRES_PORT", 15432);
        keycloakPort = port("IPM_KEYCLOAK_PORT", 8180);
        externalKafka = get("KAFKA_BOOTSTRAP_SERVERS");
        externalDb = get("IPM_DB_URL").map(url -> new Db(jdbc(url), get("IPM_DB_USER").orElse(DB_USER),
                get("IPM_DB_PASSWORD").orElse(null)));
        services = selectServices(get("IPM_SERVICES").orElse(""));
        jsonLogs = get("IPM_JSON_LOGS").filter(v -> Set.of("1", "true", "yes").contains(v.toLowerCase(Locale.ROOT))).isPresent();
        readyTimeout = Duration.ofSeconds(number("IPM_READY_TIMEOUT", 120, Integer.MAX_VALUE, "a positive number of seconds"));
        keycloakReadyTimeout = get("IPM_READY_TIMEOUT").isPresent() ? readyTimeout : Duration.ofMinutes(5);
        downTimeout = Duration.ofSeconds(number("IPM_DOWN_TIMEOUT", 90, Integer.MAX_VALUE, "a positive number of seconds"));
    }

    /** {@code .ipm/} in the project, or IPM_DIR (a benchmark's own infrastructure, apart from yours). */
    static Path ipmDir(Path projectDir, Map<String, String> env) {
        String dir = env.get("IPM_DIR");
        return dir == null || dir.isBlank() ? projectDir.resolve(".ipm") : Path.of(dir).toAbsolutePath().normalize();
    }

    private List<ServiceDefinition> selectServices(String names) {
        List<ServiceDefinition> selected = new ArrayList<>();
        for (String name : names.split("[,\\s]+")) {
            if (!name.isEmpty()) {
                selected.add(ServiceDefinition.byName(name).orElseThrow(() -> LauncherException.usage(
                        "IPM_SERVICES: unknown service '" + name + "' (" + String.join(", ", shortNames()) + ").")));
            }
        }
        // The platform's order whatever the order given; all of them when none is given.
        return ServiceDefinition.ALL.stream().filter(s -> selected.isEmpty() || selected.contains(s)).toList();
    }

    static List<String> shortNames() {
        return ServiceDefinition.ALL.stream().map(ServiceDefinition::shortName).toList();
    }

    /** The ports this run will listen on, infrastructure first. */
    List<Port> ports(boolean infraOnly) {
        return ports(infraOnly, false);
    }

    List<Port> ports(boolean infraOnly, boolean keycloak) {
        List<Port> ports = new ArrayList<>();
        if (keycloak) {
            ports.add(new Port("Keycloak", keycloakPort, "IPM_KEYCLOAK_PORT"));
        }
        if (startsPostgres(infraOnly)) {
            ports.add(new Port("PostgreSQL", postgresPort, "IPM_POSTGRES_PORT"));
        }
        if (externalKafka.isEmpty()) {
            ports.add(new Port("Kafka", kafkaPort, "IPM_KAFKA_PORT"));
            ports.add(new Port("Kafka controller", kafkaControllerPort, "IPM_KAFKA_CONTROLLER_PORT"));
        }
        if (!infraOnly) {
            services.forEach(s -> ports.add(new Port(s.name(), servicePort(s), s.portEnv())));
        }
        return ports;
    }

    /** Before anything starts: a busy port is one clear line instead of a bind exception deep in some log. */
    static void requireFree(List<Port> ports) {
        for (Port needed : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true); // a port in TIME_WAIT after the previous run is usable
                socket.bind(new InetSocketAddress(needed.port()));
            } catch (IOException e) {
                throw LauncherException.usage("Port " + needed.port() + " (" + needed.component() + ") is already in"
                        + " use: stop what uses it, or set " + needed.variable() + " to a free port.");
            }
        }
    }

    /** Unless IPM_DB_URL points elsewhere, or every service started has its own database URL. */
    boolean startsPostgres(boolean infraOnly) {
        return externalDb.isEmpty()
                && (infraOnly || services.stream().anyMatch(s -> db(s, "").url().equals(localJdbcUrl())));
    }

    String localJdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE;
    }

    String kafkaBootstrapServers() {
        return externalKafka.orElse("localhost:" + kafkaPort);
    }

    int servicePort(ServiceDefinition service) {
        return servicePorts.get(service);
    }

    /** PRODUCT_DB_URL, _USER, _PASSWORD win field by field over IPM_DB_* or the local database. */
    Db db(ServiceDefinition service, String localPassword) {
        Db base = externalDb.orElse(new Db(localJdbcUrl(), DB_USER, localPassword));
        String prefix = service.envPrefix() + "_DB_";
        return new Db(get(prefix + "URL").map(Settings::jdbc).orElse(base.url()),
                get(prefix + "USER").orElse(base.user()), get(prefix + "PASSWORD").orElse(base.password()));
    }

    /** Where the local Keycloak ({@code up --keycloak}) and its distribution live: {@code .ipm/keycloak/}. */
    Path keycloakDir() {
        return ipmDir.resolve("keycloak");
    }

    /** The password of Keycloak's administrator {@code admin} (master realm), generated on the first start. */
    Path keycloakAdminPasswordFile() {
        return stateDir.resolve("keycloak-admin-password");
    }

    /** The issuer of the local Keycloak's realm: what its tokens say in {@code iss}. */
    String keycloakIssuer() {
        return KeycloakServer.issuer(keycloakPort);
    }

    Map<String, String> serviceEnvironment(ServiceDefinition service, String localPassword) throws IOException {
        return serviceEnvironment(service, localPassword, false);
    }

    /**
     * @param keycloak true: the services trust the local Keycloak (its issuer, its keys from its JWKS URL, fetched
     *                 and refreshed by the services) instead of the local key of {@code ./ipm token}
     */
    Map<String, String> serviceEnvironment(ServiceDefinition service, String localPassword, boolean keycloak)
            throws IOException {
        Db db = db(service, localPassword);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(servicePort(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.url());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.user());
        if (db.password() != null) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        }
        if (keycloak) {
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloakIssuer() + KeycloakServer.JWKS_PATH);
            env.put("MP_JWT_VERIFY_ISSUER", keycloakIssuer());
        } else {
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keysDir.resolve(LocalSecrets.PUBLIC_KEY).toString());
            env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        }
        env.put("MP_JWT_VERIFY_AUDIENCES", AUDIENCE);
        if (service.name().equals("authentication-service")) {
            // It refuses to start without the key that encrypts providers' secrets; a local run keeps its own.
            Optional<String> given = get(SECRET_KEY);
            env.put(SECRET_KEY, given.isPresent() ? given.get() : LocalSecrets.ensureKey(stateDir.resolve("secret-key")));
        }
        if (service.name().equals("notification-service")) {
            // Likewise for the key that seals webhook secrets; a local run may call a receiver on this machine.
            Optional<String> given = get(WEBHOOK_SECRET_KEY);
            env.put(WEBHOOK_SECRET_KEY, given.isPresent() ? given.get()
                    : LocalSecrets.ensureKey(stateDir.resolve("notification-secret-key")));
            env.put("OPENIPM_NOTIFICATION_WEBHOOKS_ALLOW_LOOPBACK_HTTP", "true");
        }
        if (service.name().equals("messaging-service") && get(DOSSIER_KEY).isEmpty()) {
            // Case dossiers are signed; a local run signs with a key pair of its own state, so exports work.
            Path dossierKeys = stateDir.resolve("dossier-keys");
            try {
                LocalSecrets.ensureKeys(dossierKeys);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException("Cannot make the local dossier signing key", e);
            }
            env.put(DOSSIER_KEY, dossierKeys.resolve(LocalSecrets.PRIVATE_KEY).toString());
        }
        if (!jsonLogs) {
            // JSON lines in the prod profile are for collectors; a person reading ./ipm logs wants text. A
            // profiled key in a file wins over a plain one from the environment, hence the _PROD_ form too.
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            env.put("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        }
        return env;
    }

    Path logFile(String component) {
        return logsDir.resolve(component + ".log");
    }

    /** Shown to users: relative to the project when inside it. */
    String show(Path path) {
        return path.startsWith(projectDir) ? projectDir.relativize(path).toString() : path.toString();
    }

    private Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Accepts a JDBC URL or a libpq-style postgresql:// URL. */
    static String jdbc(String url) {
        return url.startsWith("jdbc:") ? url : "jdbc:" + url;
    }

    private int port(String name, int defaultPort) {
        return number(name, defaultPort, 65535, "a port number (1-65535)");
    }

    private int number(String name, int defaultValue, int max, String what) {
        try {
            int value = get(name).map(Integer::parseInt).orElse(defaultValue);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw LauncherException.usage(name + " must be " + what + ", not '" + env.get(name) + "'.");
    }
}
