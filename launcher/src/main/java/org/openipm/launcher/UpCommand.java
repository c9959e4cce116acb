package org.openipm.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.openipm.events.TopicSpec;
import org.openipm.events.Topics;

/**
 * {@code ./ipm up}: PostgreSQL and Kafka (in parallel), the topics, then the five services (in parallel), wait
 * until everything is ready, print where things are, and stay in the foreground until SIGINT/SIGTERM, when a
 * shutdown hook stops everything in order. With {@code -d} the same runs in a background launcher whose output
 * is followed here until it is ready.
 */
final class UpCommand {

    private final Settings settings;
    private final boolean infraOnly;
    private final boolean daemonChild;
    private final PrintStream out;

    private final Object lock = new Object();
    private volatile boolean stopping;
    private volatile boolean ready;
    private RunState state;
    private volatile CompletableFuture<LocalPostgres> postgresStart;
    private volatile LocalPostgres postgres;
    private volatile KafkaBroker kafka;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();

    UpCommand(Settings settings, Arguments arguments, PrintStream out) {
        this.settings = settings;
        this.infraOnly = arguments.flag("--infra-only") || settings.infraOnlyFromEnv();
        this.daemonChild = arguments.flag("--daemon-child");
        this.out = out;
    }

    int run(boolean detach) throws Exception {
        preflight();
        if (detach && !daemonChild) {
            return detach();
        }
        return runHere();
    }

    // ---- checks before anything starts ----------------------------------------------------------------------

    private void preflight() throws IOException {
        Optional<RunState> previous = RunState.read(settings.ipmDir());
        if (previous.isPresent()) {
            Optional<ProcessHandle> launcher = previous.get().live(RunState.LAUNCHER);
            if (launcher.isPresent()) {
                throw new LauncherException("OpenIPM is already running (launcher pid " + launcher.get().pid()
                        + "): see ./ipm status, stop it with ./ipm down.", null);
            }
            // The previous launcher died without stopping its children (kill -9, power loss of the terminal...).
            if (!Stopper.alive(previous.get()).isEmpty()) {
                out.println("A previous run was not stopped cleanly; stopping what it left:");
                Stopper.stopRecorded(previous.get(), out);
            }
            previous.get().delete();
        }
        if (!infraOnly) {
            List<String> missing = new ArrayList<>();
            for (ServiceDefinition service : settings.services()) {
                if (!Files.isRegularFile(service.jar(settings.projectDir()))) {
                    missing.add(service.name());
                }
            }
            if (!missing.isEmpty()) {
                throw new LauncherException("Not built: " + String.join(", ", missing)
                        + " (no target/quarkus-app/quarkus-run.jar). Run ./ipm up --build, or ./ipm up --infra-only"
                        + " for Kafka and PostgreSQL alone.", null);
            }
        }
        if (settings.startsKafka() && !hasKafkaJars()) {
            throw new LauncherException(settings.libDir() + " has no Kafka broker jars: run ./ipm up --build.", null);
        }
        PortCheck.requireFree(settings.portsToCheck(infraOnly));
    }

    private boolean hasKafkaJars() throws IOException {
        if (!Files.isDirectory(settings.libDir())) {
            return false;
        }
        try (var files = Files.list(settings.libDir())) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        }
    }

    // ---- -d: a background launcher, followed until ready ----------------------------------------------------

    private int detach() throws IOException, InterruptedException {
        Path console = settings.logFile("ipm");
        LogFiles.rotate(console);
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        // Same JVM options (heap, ipm.home) as this launcher.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(Ipm.class.getName());
        command.add("up");
        command.add("--daemon-child");
        if (infraOnly) {
            command.add("--infra-only");
        }
        // Own session: the background launcher must survive this terminal closing (no SIGHUP).
        Process child = new ProcessBuilder(Processes.inOwnProcessGroup(command))
                .directory(settings.projectDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // Ctrl-C while waiting: abandoning the start-up means stopping it, not leaving a half-started platform.
        Thread abort = new Thread(() -> {
            if (child.isAlive() && !isChildReady(child)) {
                child.destroy();
                try {
                    child.waitFor(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "ipm-abort-detached");
        Runtime.getRuntime().addShutdownHook(abort);

        LogFiles.follow(console, 0, out, () -> !child.isAlive() || isChildReady(child));
        if (isChildReady(child) && child.isAlive()) {
            Runtime.getRuntime().removeShutdownHook(abort);
            out.println("OpenIPM runs in the background (launcher pid " + child.pid() + "). "
                    + "./ipm status | ./ipm logs NAME -f | ./ipm down");
            return 0;
        }
        child.waitFor(5, TimeUnit.SECONDS);
        Runtime.getRuntime().removeShutdownHook(abort);
        int code = child.isAlive() ? 1 : child.exitValue();
        return code == 0 ? 1 : code;
    }

    /** The child runs in the project directory, which need not be this JVM's: relative entries would break. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private boolean isChildReady(Process child) {
        return RunState.read(settings.ipmDir())
                .filter(s -> s.pid(RunState.LAUNCHER) == child.pid())
                .map(s -> "ready".equals(s.phase()))
                .orElse(false);
    }

    // ---- the launcher proper ---------------------------------------------------------------------------------

    private int runHere() {
        long t0 = System.nanoTime();
        long deadline = t0 + settings.readyTimeout().toNanos();
        try {
            state = RunState.create(settings.ipmDir(), ProcessHandle.current());
        } catch (IOException e) {
            throw new LauncherException("Cannot write " + settings.ipmDir() + ": " + e.getMessage(), null, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "ipm-stop"));
        out.println("Starting OpenIPM" + (infraOnly ? " infrastructure (Kafka, PostgreSQL)" : "")
                + "; logs in " + relative(settings.logsDir()) + "/");
        try {
            LocalKeys.ensure(settings.keysDir());
            startInfrastructure(t0, deadline);
            if (!infraOnly) {
                startServices(t0);
                awaitServices(t0, deadline);
            }
        } catch (ServiceProcess.NotReadyException e) {
            return fail(e.getMessage(), settings.logFile(e.service()));
        } catch (LauncherException e) {
            return fail(e.getMessage(), e.logFile().orElse(null));
        } catch (Exception e) {
            return fail(e.toString(), null);
        }
        state.phase("ready");
        ready = true;
        printSummary(seconds(t0));
        watch();
        return 0;
    }

    private void startInfrastructure(long t0, long deadline) throws Exception {
        if (settings.startsPostgres(infraOnly)) {
            Path log = settings.logFile("postgres");
            LogFiles.rotate(log);
            // Started on another thread: its ~1-3 s overlap with Kafka's.
            postgresStart = CompletableFuture.supplyAsync(() -> {
                LocalPostgres pg = new LocalPostgres(settings.stateDir().resolve("postgres"), settings.postgresPort(), log);
                try {
                    pg.start();
                } catch (IOException e) {
                    throw new CompletionException(new LauncherException("PostgreSQL did not start: "
                            + e.getMessage(), log, e));
                }
                return pg;
            });
        } else {
            Settings.Db db = settings.externalDb().orElse(null);
            state.recordExternal(RunState.POSTGRES, db == null ? "per-service databases" : db.url());
        }

        if (settings.startsKafka()) {
            Path log = settings.logFile("kafka");
            LogFiles.rotate(log);
            KafkaBroker broker = new KafkaBroker(settings.stateDir().resolve("kafka"), settings.libDir(),
                    settings.kafkaPort(), settings.kafkaControllerPort(), log);
            synchronized (lock) {
                if (stopping) {
                    throw new LauncherException("interrupted", null);
                }
                kafka = broker;
                try {
                    broker.start();
                } catch (IOException e) {
                    throw new LauncherException("Kafka did not start: " + e.getMessage(), log, e);
                }
            }
            state.record(RunState.KAFKA, broker.pid(), Processes.startMillis(broker.handle()), settings.kafkaPort(),
                    null);
            try {
                broker.awaitListening(deadline);
            } catch (IOException e) {
                throw new LauncherException(e.getMessage(), log, e);
            }
            out.printf(Locale.ROOT, "  Kafka listening on %s (pid %d) after %.1f s%n",
                    broker.bootstrapServers(), broker.pid(), seconds(t0));
        } else {
            state.recordExternal(RunState.KAFKA, settings.kafkaBootstrapServers());
            out.println("  Kafka: using " + settings.kafkaBootstrapServers() + " (KAFKA_BOOTSTRAP_SERVERS)");
        }

        if (postgresStart != null) {
            LocalPostgres pg;
            try {
                pg = postgresStart.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof LauncherException le ? le : new LauncherException(
                        "PostgreSQL did not start: " + e.getCause(), settings.logFile("postgres"), e.getCause());
            }
            postgres = pg;
            ProcessHandle server = pg.handle().orElse(null);
            state.record(RunState.POSTGRES, server == null ? 0 : server.pid(),
                    server == null ? 0 : Processes.startMillis(server), pg.port(), null);
            out.printf(Locale.ROOT, "  PostgreSQL ready on localhost:%d (pid %s) after %.1f s%n", pg.port(),
                    server == null ? "?" : Long.toString(server.pid()), seconds(t0));
        } else {
            out.println("  PostgreSQL: using " + state.detail(RunState.POSTGRES).orElse("external databases"));
        }

        Duration topicTimeout = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(5).toNanos()));
        List<String> created;
        try {
            created = TopicCreator.ensureTopics(settings.kafkaBootstrapServers(), Topics.PLATFORM_TOPICS, topicTimeout);
        } catch (Exception e) {
            throw new LauncherException("Cannot create the topics on " + settings.kafkaBootstrapServers() + ": "
                    + e, settings.startsKafka() ? settings.logFile("kafka") : null, e);
        }
        out.printf(Locale.ROOT, "  Topics: %d platform topics %s after %.1f s%n", Topics.PLATFORM_TOPICS.size(),
                created.isEmpty() ? "already there" : "ready (" + created.size() + " created)", seconds(t0));
    }

    private void startServices(long t0) throws IOException {
        for (ServiceDefinition definition : settings.services()) {
            Path log = settings.logFile(definition.name());
            LogFiles.rotate(log);
            ServiceProcess service = new ServiceProcess(definition.name(), definition.jar(settings.projectDir()),
                    settings.servicePort(definition), settings.serviceEnvironment(definition), log)
                    .ownProcessGroup(true);
            synchronized (lock) {
                if (stopping) {
                    throw new LauncherException("interrupted", null);
                }
                service.start();
                services.add(service);
            }
            ProcessHandle handle = service.handle().orElseThrow();
            state.record(definition.name(), handle.pid(), Processes.startMillis(handle), service.port(), null);
        }
        out.printf(Locale.ROOT, "  %d services started after %.1f s, waiting until they are ready...%n",
                services.size(), seconds(t0));
    }

    /** Polls all services in turn; the first one that exits or the deadline fails the whole start. */
    private void awaitServices(long t0, long deadline) throws ServiceProcess.NotReadyException {
        List<ServiceProcess> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (service.isReady()) {
                    pending.remove(service);
                    out.printf(Locale.ROOT, "  %-24s ready after %.1f s%n", service.name(), seconds(t0));
                } else {
                    service.checkNotFailed(deadline, settings.readyTimeout());
                }
            }
            if (!pending.isEmpty()) {
                Processes.sleep(250);
            }
        }
    }

    private int fail(String message, Path log) {
        if (stopping) {
            return 1; // interrupted by Ctrl-C: the hook is stopping things, nothing to report
        }
        out.println();
        out.println("ERROR: " + message);
        if (log != null) {
            out.println(LogFiles.describeTail(log, 30));
        }
        out.flush();
        System.exit(1); // runs the shutdown hook, which stops whatever was started
        return 1;
    }

    private void printSummary(double seconds) {
        out.println();
        out.printf(Locale.ROOT, "OpenIPM %sis ready in %.1f s.%n", infraOnly ? "infrastructure " : "", seconds);
        for (ServiceProcess service : services) {
            String base = service.baseUri().toString();
            out.printf("  %-24s API %s   Swagger UI %s/q/swagger-ui%n", service.name(), base, base);
            out.printf("  %-24s health %s/q/health   metrics %s/q/metrics   (pid %d)%n", "", base, base,
                    service.pid());
        }
        out.println("  Kafka                    " + settings.kafkaBootstrapServers()
                + (kafka != null ? "   (pid " + kafka.pid() + ")" : "   (external)"));
        if (postgres != null) {
            out.println("  PostgreSQL               " + postgres.jdbcUrl() + "   user " + Settings.DB_USER
                    + " / password " + Settings.DB_PASSWORD);
        } else {
            out.println("  PostgreSQL               " + state.detail(RunState.POSTGRES).orElse("external"));
        }
        out.println("  JWT                      issuer " + Settings.ISSUER + ", key " + relative(settings.keysDir())
                + "/; a token: ./ipm token brand");
        out.println("  Logs                     " + relative(settings.logsDir()) + "/   (./ipm logs NAME -f)");
        out.println(daemonChild ? "Stop with ./ipm down." : "Ctrl-C (or ./ipm down from another terminal) stops everything.");
        out.flush();
    }

    /** Stays in the foreground; reports a component that stops by itself (the others keep running). */
    private void watch() {
        Map<String, Boolean> reported = new LinkedHashMap<>();
        while (!stopping) {
            Processes.sleep(2000);
            if (stopping) {
                return;
            }
            for (ServiceProcess service : services) {
                if (!service.isAlive() && reported.putIfAbsent(service.name(), true) == null) {
                    out.println("WARNING: " + service.name() + " stopped (exit code " + service.exitCode().orElse(-1)
                            + "); see ./ipm logs " + service.name());
                }
            }
            if (kafka != null && !kafka.isAlive() && reported.putIfAbsent("kafka", true) == null) {
                out.println("WARNING: Kafka stopped; see ./ipm logs kafka");
            }
            if (postgres != null && postgres.handle().filter(Processes::running).isEmpty()
                    && reported.putIfAbsent("postgres", true) == null) {
                out.println("WARNING: PostgreSQL stopped; see ./ipm logs postgres");
            }
        }
    }

    /** The shutdown hook: services (in parallel), then Kafka, then PostgreSQL. */
    private void stopAll() {
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        long t0 = System.nanoTime();
        state.phase("stopping");
        out.println();
        out.println("Stopping OpenIPM...");
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ServiceProcess service : services) {
            if (service.isAlive()) {
                stops.add(CompletableFuture.runAsync(() -> {
                    boolean graceful = service.stop(Stopper.SERVICE_GRACE);
                    state.forget(service.name());
                    out.println("  " + service.name() + (graceful ? " stopped" : " killed (did not stop in time)"));
                }));
            }
        }
        stops.forEach(CompletableFuture::join);
        if (kafka != null && kafka.isAlive()) {
            boolean graceful = kafka.stop(Stopper.KAFKA_GRACE);
            state.forget(RunState.KAFKA);
            out.println("  Kafka " + (graceful ? "stopped" : "killed (did not stop in time)"));
        }
        // A PostgreSQL still starting must be waited for, or it would be left running.
        if (postgres == null && postgresStart != null) {
            try {
                postgres = postgresStart.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // did not start: nothing to stop
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
                out.println("  PostgreSQL stopped");
            } catch (IOException e) {
                out.println("  PostgreSQL: " + e.getMessage());
            }
        }
        state.delete();
        out.printf(Locale.ROOT, "Stopped in %.1f s.%n", seconds(t0));
        out.flush();
    }

    private String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
