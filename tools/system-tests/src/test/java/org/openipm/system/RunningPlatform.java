package org.openipm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openipm.launcher.ServiceDefinition;
import org.openipm.launcher.ServiceProcess;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.Tokens;

/**
 * The packaged services and the reference provider, each its own JVM as in production, against a real broker and
 * a real PostgreSQL started in this test JVM. Started once for all system tests (kept in JUnit's root store) and
 * stopped by JUnit when the last test has run, before the broker and the database go with the JVM.
 */
final class RunningPlatform implements AutoCloseable {

    /** Six JVMs on a machine shared with other builds: ready in ~15 s when idle, minutes when it is loaded. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** More instances of a service than the platform's one, started by a scenario (see startAnotherInstance). */
    private final List<ServiceProcess> moreInstances = new CopyOnWriteArrayList<>();
    private Map<String, String> environment;
    private Path logs;

    private RunningPlatform() {
    }

    static RunningPlatform in(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningPlatform.class, type -> {
                    RunningPlatform platform = new RunningPlatform();
                    platform.start();
                    return platform;
                }, RunningPlatform.class);
    }

    @Override
    public void close() {
        stop();
    }

    String url(String service) {
        return services.get(service).baseUri().toString().replaceAll("/$", "");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private void start() {
        Path project = Path.of(System.getProperty("openipm.project.dir", "..")).toAbsolutePath().normalize();
        logs = project.resolve("tools/system-tests/target/service-logs");
        environment = Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers()),
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", PostgresServer.jdbcUrl()),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD),
                Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Tokens.publicKeyFile().toString()),
                Map.entry("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER),
                Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"),
                // Six JVMs start at once on a small machine, then serve a few requests: C1 alone starts them sooner.
                Map.entry("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"),
                // Production refuses to start without the key that encrypts providers' secrets: a fresh one per run.
                Map.entry("OPENIPM_AUTHENTICATION_SECRET_KEY", randomKey()),
                // Likewise notification-service, for webhook secrets.
                Map.entry("OPENIPM_NOTIFICATION_SECRET_KEY", randomKey()),
                // The packaged services run in production mode; brands' webhook receivers in the tests are on
                // loopback, which only a local run allows.
                Map.entry("OPENIPM_NOTIFICATION_WEBHOOKS_ALLOW_LOOPBACK_HTTP", "true"));
        try {
            Files.createDirectories(logs);
            for (ServiceDefinition definition : ServiceDefinition.ALL) {
                ServiceProcess process = new ServiceProcess(definition.name(), definition.jar(project), freePort(),
                        environment, logs.resolve(definition.name() + ".log"), false);
                services.put(definition.name(), process.start());
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Cannot start the services (run the build first)", e);
        }
        List<String> failures = new ArrayList<>();
        for (ServiceProcess service : services.values()) { // they start in parallel: the first wait covers most
            try {
                service.awaitReady(READY_TIMEOUT);
            } catch (Exception e) {
                failures.add(service.name() + ": " + e.getMessage() + "\n" + String.join("\n", service.logTail(40)));
            }
        }
        if (!failures.isEmpty()) {
            stop();
            throw new IllegalStateException("Services not ready:\n" + String.join("\n", failures));
        }
    }

    /**
     * Starts one more instance of a packaged service beside the platform's: the same broker, database, schema, keys
     * and consumer groups, its own HTTP port and log, and {@code settings} on top. It is not ready yet when this
     * returns ({@link ServiceProcess#awaitReady}); the platform stops it with the others unless the test killed it.
     */
    ServiceProcess startAnotherInstance(String service, String instanceName, Map<String, String> settings)
            throws IOException {
        ServiceDefinition definition = ServiceDefinition.byName(service).orElseThrow();
        Map<String, String> instanceEnvironment = new LinkedHashMap<>(environment);
        instanceEnvironment.putAll(settings);
        Path project = Path.of(System.getProperty("openipm.project.dir", "..")).toAbsolutePath().normalize();
        ServiceProcess process = new ServiceProcess(instanceName, definition.jar(project), freePort(),
                instanceEnvironment, logs.resolve(instanceName + ".log"), false);
        moreInstances.add(process);
        return process.start();
    }

    private void stop() {
        moreInstances.parallelStream().filter(ServiceProcess::isAlive).forEach(s -> s.stop(Duration.ofSeconds(15)));
        services.values().parallelStream().forEach(s -> s.stop(Duration.ofSeconds(15)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
