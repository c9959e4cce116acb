package org.openipm.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.openipm.events.Topics;
import org.openipm.infrastructure.LocalKafka;
import org.openipm.infrastructure.LocalPostgres;

/**
 * One run of the platform in this JVM: PostgreSQL (its own process, started in parallel) and Kafka (inside
 * this JVM, the same starters the tests use), the topics, then the services (each its own JVM, in parallel);
 * waits until everything is ready and stays until SIGINT/SIGTERM, when a shutdown hook stops everything in
 * order: services, Kafka, PostgreSQL.
 */
final class PlatformRun {

    static final Duration SERVICE_GRACE = Duration.ofSeconds(20);
    static final Duration POSTGRES_GRACE = Duration.ofSeconds(15);

    private final Settings settings;
    private final boolean infraOnly;
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private RunState state;
    private volatile boolean stopping;
    private volatile CompletableFuture<LocalPostgres> postgres;
    private volatile LocalKafka kafka;

    PlatformRun(Settings settings, boolean infraOnly, PrintStream out) {
        this.settings = settings;
        this.infraOnly = infraOnly;
        this.out = out;
    }

    int run(boolean background) throws IOException {
        long deadline = t0 + settings.readyTimeout.toNanos();
        state = RunState.create(settings.ipmDir);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "ipm-stop"));
        out.println("Starting OpenIPM" + (infraOnly ? " infrastructure (Kafka, PostgreSQL)" : "") + "; logs in "
                + settings.show(settings.logsDir()) + "/");
        try {
            LocalSecrets.ensureKeys(settings.keysDir());
            String password = LocalSecrets.ensurePassword(settings.passwordFile());
            if (settings.ipmDir.equals(settings.projectDir.resolve(".ipm"))
                    && LocalSecrets.ensureComposeEnv(settings.projectDir.resolve(".env"), password)) {
                out.println("  .env written for docker-compose (the same database password)");
            }
            startInfrastructure(password);
            if (!infraOnly) {
                for (ServiceDefinition service : settings.services) {
                    start(service, password);
                }
                awaitServices(deadline);
            }
        } catch (LauncherException e) {
            return fail(e.getMessage(), e.logFile().orElse(null));
        } catch (ServiceProcess.NotReadyException e) {
            return fail(e.getMessage(), settings.logFile(e.service()));
        } catch (Exception e) {
            return fail(e.toString(), null);
        }
        state.phase("ready");
        printSummary();
        out.println(background ? "Stop with ./ipm down." : "Ctrl-C (or ./ipm down from another terminal) stops everything.");
        out.flush();
        watch();
        return 0;
    }

    private void startInfrastructure(String password) throws Exception {
        if (settings.startsPostgres(infraOnly)) {
            Path log = settings.logFile(RunState.POSTGRES);
            LogFiles.rotate(log);
            postgres = CompletableFuture.supplyAsync(() -> { // its 1-3 s overlap Kafka's
                try {
                    LocalPostgres pg = LocalPostgres.start(settings.stateDir().resolve("postgres"),
                            settings.postgresPort, true, java.util.Map.of(), log);
                    pg.ensureDatabase(Settings.DATABASE, Settings.DB_USER, password);
                    return pg;
                } catch (IOException e) {
                    throw new LauncherException("PostgreSQL did not start: " + e.getMessage(), log, 1, e);
                }
            });
        } else {
            state.recordExternal(RunState.POSTGRES, settings.externalDb.map(Settings.Db::url).orElse("per-service databases"));
        }
        if (settings.externalKafka.isEmpty()) {
            Path log = settings.logFile(RunState.KAFKA);
            LogFiles.rotate(log);
            try {
                kafka = LocalKafka.start(settings.stateDir().resolve("kafka"), settings.kafkaPort, settings.kafkaControllerPort);
            } catch (IOException | RuntimeException e) {
                throw new LauncherException("Kafka did not start: " + e.getMessage(), log, 1, e);
            }
            state.record(RunState.KAFKA, ProcessHandle.current(), settings.kafkaPort);
            progress("Kafka listening on " + kafka.bootstrapServers());
        } else {
            state.recordExternal(RunState.KAFKA, settings.kafkaBootstrapServers());
            out.println("  Kafka: using " + settings.kafkaBootstrapServers() + " (KAFKA_BOOTSTRAP_SERVERS)");
        }
        if (postgres != null) {
            LocalPostgres pg = join(postgres);
            state.record(RunState.POSTGRES, pg.process().orElseThrow(), pg.port());
            progress("PostgreSQL ready on localhost:" + pg.port());
        }
        List<String> created = LocalKafka.createTopics(settings.kafkaBootstrapServers(), Topics.PLATFORM_TOPICS);
        progress("Topics: " + Topics.PLATFORM_TOPICS.size() + " platform topics (" + created.size() + " created)");
    }

    private static LocalPostgres join(CompletableFuture<LocalPostgres> start) {
        try {
            return start.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof LauncherException le ? le : e;
        }
    }

    private void start(ServiceDefinition definition, String password) throws IOException {
        Path log = settings.logFile(definition.name());
        LogFiles.rotate(log);
        ServiceProcess service = new ServiceProcess(definition.name(), definition.jar(settings.projectDir),
                settings.servicePort(definition), settings.serviceEnvironment(definition, password), log).ownSession();
        synchronized (this) { // never start one while the shutdown hook runs
            if (stopping) {
                throw new LauncherException("interrupted", null);
            }
            services.add(service.start());
        }
        state.record(definition.name(), service.handle(), service.port());
    }

    /** Polls all services in turn; the first one that exits, or the deadline, fails the whole start. */
    private void awaitServices(long deadline) throws ServiceProcess.NotReadyException {
        progress(services.size() + " services started, waiting until they are ready");
        Set<ServiceProcess> pending = new HashSet<>(services);
        while (!pending.isEmpty()) {
            for (ServiceProcess service : services) {
                if (pending.contains(service) && service.isReady()) {
                    pending.remove(service);
                    progress(String.format(Locale.ROOT, "%-24s ready", service.name()));
                } else if (pending.contains(service)) {
                    service.checkNotFailed(deadline);
                }
            }
            Processes.sleep(250);
        }
    }

    private int fail(String message, Path log) {
        if (!stopping) { // else interrupted by Ctrl-C: the hook is stopping things, nothing to report
            out.println("\nERROR: " + message);
            if (log != null) {
                out.println("---- end of " + log + " ----");
                LogFiles.tail(log, 30).forEach(out::println);
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
                + settings.show(settings.passwordFile())));
        out.println("  JWT                      issuer " + Settings.ISSUER + ", audience " + Settings.AUDIENCE
                + ", key " + settings.show(settings.keysDir()) + "/; a token: ./ipm token brand");
        out.println("  Logs                     " + settings.show(settings.logsDir()) + "/   (./ipm logs NAME -f)");
    }

    /** Stays in the foreground; reports a component that stops by itself (the others keep running). */
    private void watch() {
        Set<String> reported = new HashSet<>();
        while (!stopping) {
            Processes.sleep(2000);
            for (ServiceProcess service : services) {
                if (!stopping && !service.isAlive() && reported.add(service.name())) {
                    out.println("WARNING: " + service.name() + " stopped (exit code " + service.exitCode().orElse(-1)
                            + "); see ./ipm logs " + service.name());
                }
            }
            if (!stopping && postgres != null && join(postgres).process().filter(Processes::running).isEmpty()
                    && reported.add(RunState.POSTGRES)) {
                out.println("WARNING: PostgreSQL stopped; see ./ipm logs postgres");
            }
        }
    }

    /** The shutdown hook: services (in parallel), then Kafka, then PostgreSQL. */
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
        if (kafka != null) {
            try {
                kafka.close();
                out.println("  Kafka stopped");
            } catch (RuntimeException e) {
                out.println("  Kafka: " + e);
            }
            state.forget(RunState.KAFKA);
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
}
