package org.openipm.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.openipm.events.Topics;
import org.openipm.infrastructure.LocalKafka;
import org.openipm.infrastructure.LocalPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./ipm up}: checks first (built, not already running, ports free), then runs the platform in this JVM:
 * PostgreSQL (its own process, started in parallel) and Kafka (inside this JVM, the same starters the tests use),
 * the topics, then the services (each its own JVM, in parallel). With {@code --keycloak}, Keycloak (its own
 * process, started first: it is the slowest) issues the tokens and the services trust it instead of the local
 * key. It waits until everything is ready and stays until SIGINT/SIGTERM, when a shutdown hook stops everything in
 * order: services, Keycloak, Kafka, PostgreSQL. With {@code -d} the same runs in a background launcher whose
 * console is followed until ready.
 */
@Command(name = "up")
final class UpCommand implements Callable<Integer> {

    static final Duration SERVICE_GRACE = Duration.ofSeconds(20);

    @ParentCommand
    Ipm ipm;

    @Option(names = {"-d", "--detach"})
    boolean detach;

    /** Done by the ./ipm script before this JVM starts (a build rewrites the launcher's own jar). */
    @Option(names = "--build")
    boolean build;

    @Option(names = {"--infra-only", "--only-infra", "--infra"})
    boolean infraOnly;

    @Option(names = "--keycloak")
    boolean keycloak;

    @Option(names = "--daemon-child", hidden = true)
    boolean daemonChild;

    /** For the ./ipm script: exit code 0 if everything this run needs is built. */
    @Option(names = "--check-built", hidden = true)
    boolean checkBuilt;

    private final long t0 = System.nanoTime();
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private Settings settings;
    private PrintStream out;
    private RunState state;
    private volatile boolean stopping;
    private volatile CompletableFuture<LocalPostgres> postgres;
    private volatile LocalKafka kafka;
    private volatile CompletableFuture<KeycloakServer> keycloakServer;

    @Override
    public Integer call() throws Exception {
        settings = ipm.settings();
        out = ipm.out;
        List<String> missing = infraOnly ? List.of() : settings.services.stream()
                .filter(s -> !Files.isRegularFile(s.jar(settings.projectDir))).map(ServiceDefinition::name).toList();
        if (checkBuilt) {
            return missing.isEmpty() ? 0 : 1;
        } else if (!missing.isEmpty()) {
            throw LauncherException.failure("Not built: " + String.join(", ", missing) + " (./ipm up --build).", null);
        }
        Optional<RunState> previous = RunState.read(settings.ipmDir);
        if (previous.isPresent()) {
            Optional<ProcessHandle> launcher = previous.get().live(RunState.LAUNCHER);
            if (launcher.isPresent()) {
                throw LauncherException.failure("OpenIPM is already running (launcher pid " + launcher.get().pid()
                        + "): see ./ipm status, stop it with ./ipm down.", null);
            }
            if (!previous.get().alive().isEmpty()) { // killed with -9, say: its children still run
                out.println("A previous run was not stopped cleanly; stopping what it left:");
                ipm.stopLeftovers(previous.get());
            }
            previous.get().delete();
        }
        Settings.requireFree(settings.ports(infraOnly, keycloak));
        return detach && !daemonChild ? detach() : run();
    }

    private int run() throws IOException {
        state = RunState.create(settings.ipmDir);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "ipm-stop"));
        out.println("Starting OpenIPM" + (infraOnly ? " infrastructure (Kafka, PostgreSQL" + (keycloak ? ", Keycloak)" : ")")
                : keycloak ? " with Keycloak" : "") + "; logs in " + settings.show(settings.logsDir) + "/");
        try {
            LocalSecrets.ensureKeys(settings.keysDir);
            String password = LocalSecrets.ensurePassword(settings.passwordFile);
            if (settings.ipmDir.equals(settings.projectDir.resolve(".ipm"))
                    && !ComposeEnv.ensure(settings.projectDir, settings.ipmDir).isEmpty()) {
                out.println("  .env written for docker-compose (./ipm compose-env)");
            }
            if (keycloak) {
                startKeycloak();
            }
            startInfrastructure(password);
            if (!infraOnly) {
                for (ServiceDefinition service : settings.services) {
                    start(service, password);
                }
                progress(services.size() + " services started, waiting until they are ready");
                for (ServiceProcess service : services) {
                    service.awaitReady(settings.readyTimeout.minusNanos(System.nanoTime() - t0));
                    progress(String.format(Locale.ROOT, "%-24s ready", service.name()));
                }
            }
            if (keycloak) {
                keycloakServer.join().awaitReady(settings.keycloakReadyTimeout.minusNanos(System.nanoTime() - t0));
                progress(String.format(Locale.ROOT, "%-24s ready", "Keycloak"));
            }
        } catch (Exception e) {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e; // PostgreSQL starts on another thread
            return cause instanceof LauncherException le ? fail(le.getMessage(), le.logFile) : fail(cause.toString(), null);
        }
        printSummary();
        out.println(daemonChild ? "Stop with ./ipm down." : "Ctrl-C (or ./ipm down from another terminal) stops everything.");
        out.flush();
        state.phase("ready"); // after the summary: up -d shows the console until here
        watch();
        return 0;
    }

    /**
     * Fetches the distribution the first time (on another thread, like its start: Kafka, PostgreSQL and the
     * services start meanwhile; the services fetch Keycloak's keys only when the first token arrives).
     */
    private void startKeycloak() throws IOException {
        String adminPassword = LocalSecrets.ensurePassword(settings.keycloakAdminPasswordFile());
        Path log = settings.logFile(RunState.KEYCLOAK);
        Processes.rotate(log);
        keycloakServer = CompletableFuture.supplyAsync(() -> {
            try {
                Path home = KeycloakDistribution.ensure(settings);
                boolean firstStart = !Files.isDirectory(home.resolve("data"));
                KeycloakServer server = new KeycloakServer(home, settings.keycloakPort, adminPassword, log);
                synchronized (this) { // never start it while the shutdown hook runs
                    if (stopping) {
                        throw LauncherException.failure("interrupted", null);
                    }
                    server.start(settings.projectDir, true);
                }
                state.record(RunState.KEYCLOAK, server.handle(), settings.keycloakPort);
                progress("Keycloak " + KeycloakServer.VERSION + " starting on " + server.baseUri() + (firstStart
                        ? " (its first start builds its server image and imports the realm: a minute or more)" : ""));
                return server;
            } catch (IOException e) {
                throw LauncherException.failure("Keycloak did not start: " + e.getMessage(), log);
            }
        });
    }

    private void startInfrastructure(String password) throws IOException {
        if (settings.startsPostgres(infraOnly)) {
            Path log = settings.logFile(RunState.POSTGRES);
            Processes.rotate(log);
            postgres = CompletableFuture.supplyAsync(() -> { // its 1-3 s overlap Kafka's
                try {
                    LocalPostgres pg = LocalPostgres.start(settings.stateDir.resolve("postgres"),
                            settings.postgresPort, true, Map.of(), log);
                    pg.ensureDatabase(Settings.DATABASE, Settings.DB_USER, password);
                    return pg;
                } catch (IOException e) {
                    throw LauncherException.failure("PostgreSQL did not start: " + e.getMessage(), log);
                }
            });
        } else {
            state.recordExternal(RunState.POSTGRES, settings.externalDb.map(Settings.Db::url).orElse("per-service databases"));
        }
        if (settings.externalKafka.isEmpty()) {
            Path log = settings.logFile(RunState.KAFKA);
            Processes.rotate(log);
            try {
                kafka = LocalKafka.start(settings.stateDir.resolve("kafka"), settings.kafkaPort, settings.kafkaControllerPort);
            } catch (IOException | RuntimeException e) {
                throw LauncherException.failure("Kafka did not start: " + e.getMessage(), log);
            }
            state.record(RunState.KAFKA, ProcessHandle.current(), settings.kafkaPort);
            progress("Kafka listening on " + kafka.bootstrapServers());
        } else {
            state.recordExternal(RunState.KAFKA, settings.kafkaBootstrapServers());
            out.println("  Kafka: using " + settings.kafkaBootstrapServers() + " (KAFKA_BOOTSTRAP_SERVERS)");
        }
        if (postgres != null) {
            LocalPostgres pg = postgres.join();
            state.record(RunState.POSTGRES, pg.process().orElseThrow(), pg.port());
            progress("PostgreSQL ready on localhost:" + pg.port());
        }
        List<String> created = LocalKafka.createTopics(settings.kafkaBootstrapServers(), Topics.PLATFORM_TOPICS);
        progress("Topics: " + Topics.PLATFORM_TOPICS.size() + " platform topics (" + created.size() + " created)");
    }

    private void start(ServiceDefinition definition, String password) throws IOException {
        Path log = settings.logFile(definition.name());
        Processes.rotate(log);
        ServiceProcess service = new ServiceProcess(definition.name(), definition.jar(settings.projectDir),
                settings.servicePort(definition), settings.serviceEnvironment(definition, password, keycloak), log, true);
        synchronized (this) { // never start one while the shutdown hook runs
            if (stopping) {
                throw LauncherException.failure("interrupted", null);
            }
            services.add(service.start());
        }
        state.record(definition.name(), service.handle(), settings.servicePort(definition));
    }

    private int fail(String message, Path log) {
        if (!stopping) { // else interrupted by Ctrl-C: the hook is stopping things, nothing to report
            out.println("\nERROR: " + message);
            if (log != null) {
                out.println("---- end of " + log + " ----");
                Processes.tail(log, 30).forEach(out::println);
            }
            out.flush();
            System.exit(1); // runs the shutdown hook, which stops whatever was started
        }
        return 1;
    }

    private void printSummary() {
        out.printf(Locale.ROOT, "%nOpenIPM %sis ready in %.1f s.%n", infraOnly ? "infrastructure " : "", seconds());
        for (ServiceProcess service : services) {
            String base = service.baseUri().toString();
            out.printf("  %-24s API %s   Swagger UI %s/q/swagger-ui   health %s/q/health   (pid %d)%n",
                    service.name(), base, base, base, service.handle().pid());
        }
        out.println("  Kafka                    " + settings.kafkaBootstrapServers() + (kafka == null ? " (external)" : ""));
        out.println("  PostgreSQL               " + (postgres == null ? state.external(RunState.POSTGRES).orElse("")
                : settings.localJdbcUrl() + "   user " + Settings.DB_USER + ", password in "
                + settings.show(settings.passwordFile)));
        if (keycloak) {
            KeycloakServer server = keycloakServer.join();
            out.println("  Keycloak                 " + server.baseUri() + "/admin   (user admin, password in "
                    + settings.show(settings.keycloakAdminPasswordFile()) + ")   pid " + server.handle().pid());
            out.println("  JWT                      issuer " + server.issuer() + ", audience " + Settings.AUDIENCE
                    + "; a token (demo users in deploy/keycloak/README.md):");
            out.println("                           curl -s -d grant_type=password -d client_id=openipm-web -d username=acme"
                    + " -d password=openipm-demo " + server.tokenUrl());
        } else {
            out.println("  JWT                      issuer " + Settings.ISSUER + ", audience " + Settings.AUDIENCE
                    + ", key " + settings.show(settings.keysDir) + "/; a token: ./ipm token brand");
        }
        out.println("  Logs                     " + settings.show(settings.logsDir) + "/   (./ipm logs NAME -f)");
    }

    /** Stays in the foreground; reports a service that stops by itself (the others keep running). */
    private void watch() {
        Set<String> reported = new HashSet<>();
        while (!stopping) {
            Processes.sleep(2000);
            for (ServiceProcess service : services) {
                if (!stopping && !service.isAlive() && reported.add(service.name())) {
                    out.println("WARNING: " + service.name() + " stopped; see ./ipm logs " + service.name());
                }
            }
        }
    }

    /** The shutdown hook: services (in parallel), then Keycloak, then Kafka, then PostgreSQL. */
    private void stop() {
        synchronized (this) {
            stopping = true;
        }
        long start = System.nanoTime();
        state.phase("stopping");
        out.println("\nStopping OpenIPM...");
        services.parallelStream().filter(ServiceProcess::isAlive).forEach(service -> {
            boolean graceful = service.stop(SERVICE_GRACE);
            state.forget(service.name());
            out.println("  " + service.name() + (graceful ? " stopped" : " killed (did not stop in time)"));
        });
        if (keycloakServer != null) { // one starting is waited for (it would be left running); once stopping, none starts
            try {
                KeycloakServer server = keycloakServer.get(30, TimeUnit.SECONDS);
                boolean graceful = server.stop(SERVICE_GRACE);
                out.println("  Keycloak " + (graceful ? "stopped" : "killed (did not stop in time)"));
            } catch (Exception e) {
                out.println("  Keycloak: " + (e.getCause() != null ? e.getCause().getMessage() : e.toString()));
            }
            state.forget(RunState.KEYCLOAK);
        }
        if (kafka != null) {
            try {
                kafka.close();
                out.println("  Kafka stopped");
            } catch (RuntimeException e) {
                out.println("  Kafka: " + e);
            }
        }
        if (postgres != null) { // one still starting is waited for, or it would be left running
            try {
                postgres.get(60, TimeUnit.SECONDS).close();
                out.println("  PostgreSQL stopped");
            } catch (Exception e) {
                out.println("  PostgreSQL: " + e.getMessage());
            }
        }
        state.delete();
        out.printf(Locale.ROOT, "Stopped in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    private void progress(String what) {
        out.printf(Locale.ROOT, "  %s after %.1f s%n", what, seconds());
    }

    private double seconds() {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The same command in a background JVM of its own session (it survives this terminal); followed until ready. */
    private int detach() throws IOException {
        Path console = settings.logFile("ipm");
        Processes.rotate(console);
        List<String> command = new ArrayList<>(List.of("setsid", Processes.java())); // survives this terminal
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // heap, ipm.home
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Ipm.class.getName(), "up", "--daemon-child"));
        if (infraOnly) {
            command.add("--infra-only");
        }
        if (keycloak) {
            command.add("--keycloak");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.projectDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(ipm.env); // the settings this command was given
        Process child = builder.start();
        // Ctrl-C while waiting abandons the start: the background launcher stops what it started.
        Thread abort = new Thread(() -> {
            if (!ready(child)) {
                child.destroy();
                child.toHandle().onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join();
            }
        });
        Runtime.getRuntime().addShutdownHook(abort);
        Processes.follow(console, 0, out, () -> !child.isAlive() || ready(child));
        Runtime.getRuntime().removeShutdownHook(abort);
        if (child.isAlive()) {
            out.println("OpenIPM runs in the background (launcher pid " + child.pid()
                    + "). ./ipm status | ./ipm logs NAME -f | ./ipm down");
            return 0;
        }
        return Math.max(child.exitValue(), 1);
    }

    private boolean ready(Process child) {
        // The child wrote the state file: the previous one, if any, was deleted before it started.
        return child.isAlive() && RunState.read(settings.ipmDir).map(s -> s.phase().equals("ready")).orElse(false);
    }
}
