package org.openipm.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run depends on, read once from the environment: ports, external Kafka or database, file layout
 * under {@code .ipm/}. Kept free of side effects so that it can be unit-tested with a map as environment.
 */
public final class Settings {

    public static final String ISSUER = "https://openipm.local";
    public static final String DATABASE = "openipm";
    public static final String DB_USER = "openipm";
    public static final String DB_PASSWORD = "openipm";

    /** JDBC URL, user and password handed to a service. */
    public record Db(String url, String user, String password) {
    }

    private final Path projectDir;
    private final Map<ServiceDefinition, Integer> servicePorts = new LinkedHashMap<>();
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int postgresPort;
    private final Optional<String> externalKafka;
    private final Optional<Db> externalDb;
    private final Map<ServiceDefinition, Db> serviceDbs = new HashMap<>();
    private final Duration readyTimeout;
    private final boolean infraOnlyFromEnv;
    private final List<ServiceDefinition> selectedServices;
    private final boolean jsonLogs;

    private Settings(Path projectDir, Map<String, String> env) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            servicePorts.put(service, port(env, service.portEnv(), service.defaultPort()));
        }
        this.kafkaPort = port(env, "IPM_KAFKA_PORT", 9092);
        this.kafkaControllerPort = port(env, "IPM_KAFKA_CONTROLLER_PORT", kafkaPort + 1);
        this.postgresPort = port(env, "IPM_POSTGRES_PORT", 15432);
        this.externalKafka = nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS"));
        Optional<String> ipmDbUrl = nonBlank(env.get("IPM_DB_URL"));
        this.externalDb = ipmDbUrl.map(url -> new Db(jdbc(url),
                env.getOrDefault("IPM_DB_USER", DB_USER), env.getOrDefault("IPM_DB_PASSWORD", DB_PASSWORD)));
        Db base = externalDb.orElse(new Db(
                "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE, DB_USER, DB_PASSWORD));
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            // Per-service variables win field by field; a URL alone keeps the common user and password.
            String prefix = service.envPrefix() + "_DB_";
            Optional<String> url = nonBlank(env.get(prefix + "URL"));
            serviceDbs.put(service, new Db(
                    url.map(Settings::jdbc).orElse(base.url()),
                    env.getOrDefault(prefix + "USER", base.user()),
                    env.getOrDefault(prefix + "PASSWORD", base.password())));
        }
        this.readyTimeout = Duration.ofSeconds(positiveInt(env, "IPM_READY_TIMEOUT", 120));
        this.infraOnlyFromEnv = truthy(env.get("IPM_ONLY_INFRA"));
        this.selectedServices = selectServices(env.get("IPM_SERVICES"));
        this.jsonLogs = truthy(env.get("IPM_JSON_LOGS"));
        requireDistinctPorts();
    }

    public static Settings from(Path projectDir, Map<String, String> env) {
        return new Settings(projectDir, env);
    }

    /** IPM_SERVICES=product,lookup starts only those (working on one service); default all five. */
    private static List<ServiceDefinition> selectServices(String value) {
        if (value == null || value.isBlank()) {
            return ServiceDefinition.ALL;
        }
        List<ServiceDefinition> selected = new ArrayList<>();
        for (String name : value.split("[,\\s]+")) {
            if (name.isEmpty()) {
                continue;
            }
            ServiceDefinition service = ServiceDefinition.byName(name).orElseThrow(() -> new UsageException(
                    "IPM_SERVICES: unknown service '" + name + "' (product, lookup, authentication, messaging,"
                            + " notification)."));
            if (!selected.contains(service)) {
                selected.add(service);
            }
        }
        // Keep the platform's order whatever the order given.
        return ServiceDefinition.ALL.stream().filter(selected::contains).toList();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Accepts a JDBC URL or a libpq-style postgresql:// URL. */
    static String jdbc(String url) {
        return url.startsWith("jdbc:") ? url : "jdbc:" + url;
    }

    static boolean truthy(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a port number (1-65535), not '" + value + "'.");
    }

    private static int positiveInt(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a positive number of seconds, not '" + value + "'.");
    }

    private void requireDistinctPorts() {
        Map<Integer, PortCheck.NeededPort> seen = new HashMap<>();
        for (PortCheck.NeededPort needed : allPorts(false)) {
            PortCheck.NeededPort other = seen.putIfAbsent(needed.port(), needed);
            if (other != null) {
                throw new UsageException("Port " + needed.port() + " is set for both " + other.component() + " and "
                        + needed.component() + ": change " + other.envVariable() + " or " + needed.envVariable() + ".");
            }
        }
    }

    /** The ports this run will listen on, in start order (infrastructure first). */
    public List<PortCheck.NeededPort> portsToCheck(boolean infraOnly) {
        return allPorts(infraOnly);
    }

    private List<PortCheck.NeededPort> allPorts(boolean infraOnly) {
        List<PortCheck.NeededPort> ports = new ArrayList<>();
        if (startsPostgres(infraOnly)) {
            ports.add(new PortCheck.NeededPort("PostgreSQL", postgresPort, "IPM_POSTGRES_PORT"));
        }
        if (startsKafka()) {
            ports.add(new PortCheck.NeededPort("Kafka", kafkaPort, "IPM_KAFKA_PORT"));
            ports.add(new PortCheck.NeededPort("Kafka controller", kafkaControllerPort, "IPM_KAFKA_CONTROLLER_PORT"));
        }
        if (!infraOnly) {
            for (ServiceDefinition service : selectedServices) {
                ports.add(new PortCheck.NeededPort(service.name(), servicePorts.get(service), service.portEnv()));
            }
        }
        return ports;
    }

    public boolean startsKafka() {
        return externalKafka.isEmpty();
    }

    /**
     * The local PostgreSQL is started unless IPM_DB_URL points elsewhere, or every service has its own URL
     * (then nobody would use it). An infrastructure-only run starts it unless IPM_DB_URL is set.
     */
    public boolean startsPostgres(boolean infraOnly) {
        if (externalDb.isPresent()) {
            return false;
        }
        if (infraOnly) {
            return true;
        }
        String local = "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE;
        return selectedServices.stream().anyMatch(service -> serviceDbs.get(service).url().equals(local));
    }

    public String kafkaBootstrapServers() {
        return externalKafka.orElse("localhost:" + kafkaPort);
    }

    public Map<String, String> serviceEnvironment(ServiceDefinition service) {
        Db db = serviceDbs.get(service);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(servicePort(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.url());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keysDir().resolve(LocalKeys.PUBLIC_KEY_FILE).toString());
        env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        if (!jsonLogs) {
            // The services log JSON lines in the prod profile (for collectors); for a person reading
            // ./ipm logs, plain text. A profiled key in a file wins over a plain one from the environment,
            // hence the _PROD_ form as well.
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            env.put("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        }
        return env;
    }

    /** The services this run starts (all five unless IPM_SERVICES says otherwise). */
    public List<ServiceDefinition> services() {
        return selectedServices;
    }

    public Db serviceDb(ServiceDefinition service) {
        return serviceDbs.get(service);
    }

    public int servicePort(ServiceDefinition service) {
        return servicePorts.get(service);
    }

    public Path projectDir() {
        return projectDir;
    }

    public Path ipmDir() {
        return projectDir.resolve(".ipm");
    }

    public Path logsDir() {
        return ipmDir().resolve("logs");
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    public Path stateDir() {
        return ipmDir().resolve("state");
    }

    public Path keysDir() {
        return ipmDir().resolve("keys");
    }

    public Path runDir() {
        return ipmDir().resolve("run");
    }

    public Path libDir() {
        return projectDir.resolve("launcher/target/lib");
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public Optional<String> externalKafka() {
        return externalKafka;
    }

    public Optional<Db> externalDb() {
        return externalDb;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public boolean infraOnlyFromEnv() {
        return infraOnlyFromEnv;
    }
}
