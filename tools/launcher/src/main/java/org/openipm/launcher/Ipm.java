package org.openipm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code ./ipm}: the command line ({@code ipm-usage.txt} describes it) and the small commands; {@code up}
 * ({@link UpCommand}) and {@code token} ({@link TokenCommand}) have classes of their own.
 */
@Command(name = "ipm", subcommands = {UpCommand.class, TokenCommand.class})
public final class Ipm implements Callable<Integer> {

    /** Inherited by every command: {@code ./ipm up --help} prints the one usage text too. */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT)
    boolean help;

    final Path home;
    final Map<String, String> env;
    final PrintStream out;

    Ipm(Path home, Map<String, String> env, PrintStream out) {
        this.home = home;
        this.env = env;
        this.out = out;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("ipm.home", "")).toAbsolutePath().normalize();
        // Before any library logs: the libraries' output and the broker's go to files, the console is ./ipm's.
        System.setProperty("ipm.logs", Settings.ipmDir(home, System.getenv()).resolve("logs").toString());
        System.setProperty("log4j2.configurationFile", "ipm-log4j2.properties");
        int code = commandLine(home, System.getenv(), System.out).execute(args);
        System.out.flush();
        System.exit(code);
    }

    /** Parses like picocli always does; any -h/--help prints the one usage text; errors are one line. */
    static CommandLine commandLine(Path home, Map<String, String> env, PrintStream out) {
        CommandLine commandLine = new CommandLine(new Ipm(home, env, out));
        commandLine.setExecutionStrategy(parsed -> helpRequested(parsed) ? help(out)
                : new CommandLine.RunLast().execute(parsed));
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("ipm: " + e.getMessage() + " (./ipm help)");
            return LauncherException.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("ipm: " + (e instanceof LauncherException ? e.getMessage() : e.toString()));
            return e instanceof LauncherException le ? le.exitCode : 1;
        });
        return commandLine;
    }

    private static boolean helpRequested(ParseResult parsed) {
        return parsed.isUsageHelpRequested() || parsed.subcommand() != null && helpRequested(parsed.subcommand());
    }

    Settings settings() {
        return new Settings(home, env);
    }

    @Override
    public Integer call() {
        return help(out);
    }

    @Command(name = "help")
    int help(@Parameters(arity = "0..1", paramLabel = "COMMAND") String command) {
        return help(out);
    }

    static int help(PrintStream out) {
        try (InputStream in = Ipm.class.getResourceAsStream("/ipm-usage.txt")) {
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes (or completes) .env for docker-compose; see {@link ComposeEnv}. */
    @Command(name = "compose-env")
    int composeEnv() throws IOException {
        Settings settings = settings();
        List<String> added = ComposeEnv.ensure(settings.projectDir, settings.ipmDir);
        out.println(added.isEmpty() ? ".env already has every variable docker-compose.yml needs."
                : ".env: " + String.join(", ", added) + " written (never commit .env).");
        return 0;
    }

    /**
     * Asks the running launcher to stop (SIGTERM: it stops things in order), waits until every recorded process
     * is gone, and kills what is left after IPM_DOWN_TIMEOUT. If the launcher itself is gone, stops what it left.
     */
    @Command(name = "down")
    int down() {
        Settings settings = settings();
        Optional<RunState> state = RunState.read(settings.ipmDir);
        if (state.isEmpty() || state.get().alive().isEmpty()) {
            state.ifPresent(RunState::delete);
            out.println("OpenIPM is not running.");
            return 0;
        }
        long t0 = System.nanoTime();
        Optional<ProcessHandle> launcher = state.get().live(RunState.LAUNCHER);
        if (launcher.isPresent()) {
            out.println("Stopping OpenIPM (launcher pid " + launcher.get().pid() + ")...");
            launcher.get().destroy();
            while (!state.get().alive().isEmpty() && System.nanoTime() - t0 < settings.downTimeout.toNanos()) {
                Processes.sleep(200);
            }
        } else {
            out.println("The launcher is gone; stopping what it left:");
            stopLeftovers(state.get());
        }
        List<ProcessHandle> left = state.get().alive();
        if (!left.isEmpty()) {
            out.println("Still running after " + settings.downTimeout.toSeconds() + " s, killing: "
                    + left.stream().map(ProcessHandle::pid).toList());
            left.forEach(ProcessHandle::destroyForcibly);
        }
        state.get().delete();
        out.printf(Locale.ROOT, "Stopped in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** What a dead launcher left: services (in parallel), then Keycloak, then PostgreSQL, as the launcher would. */
    void stopLeftovers(RunState state) {
        ServiceDefinition.ALL.parallelStream().forEach(service -> stopLeftover(state, service.name()));
        stopLeftover(state, RunState.KEYCLOAK);
        stopLeftover(state, RunState.POSTGRES);
    }

    private void stopLeftover(RunState state, String component) {
        state.live(component).ifPresent(p -> {
            out.println("  stopping " + component + " (pid " + p.pid() + ")");
            Processes.stop(p, UpCommand.SERVICE_GRACE);
        });
    }

    /**
     * Per component "ready" (readiness 200, or the port answers), "running" (not ready yet), "stopped" or
     * "external", with port and pid. Exit code 0 when OpenIPM runs, 3 when not (LSB's convention).
     */
    @Command(name = "status")
    int status() {
        Settings settings = settings();
        Optional<RunState> state = RunState.read(settings.ipmDir);
        Optional<ProcessHandle> launcher = state.flatMap(s -> s.live(RunState.LAUNCHER));
        if (launcher.isPresent()) {
            out.println("OpenIPM: " + state.get().phase() + " (launcher pid " + launcher.get().pid() + ")");
        } else if (state.isPresent() && !state.get().alive().isEmpty()) {
            out.println("OpenIPM: the launcher is gone but some components still run (./ipm down stops them)");
        } else {
            out.println("OpenIPM: not running");
        }
        statusLine("COMPONENT", "STATE", "PORT", "PID", "");
        statusLine(state, RunState.POSTGRES, settings.postgresPort, Processes::tcpOpen);
        statusLine(state, RunState.KAFKA, settings.kafkaPort, Processes::tcpOpen);
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            statusLine(state, service.name(), settings.servicePort(service),
                    port -> Processes.httpOk(URI.create("http://localhost:" + port + "/q/health/ready")));
        }
        if (state.flatMap(s -> s.live(RunState.KEYCLOAK)).isPresent()) { // only a run with --keycloak has one
            statusLine(state, RunState.KEYCLOAK, settings.keycloakPort, port -> Processes.httpOk(
                    URI.create(KeycloakServer.issuer(port) + "/.well-known/openid-configuration")));
        }
        if (state.flatMap(s -> s.external(RunState.POSTGRES)).isEmpty()) {
            out.println("PostgreSQL: " + settings.localJdbcUrl() + ", user " + Settings.DB_USER + ", password in "
                    + settings.show(settings.passwordFile));
        }
        return launcher.isPresent() ? 0 : 3;
    }

    private void statusLine(Optional<RunState> state, String component, int configuredPort, IntPredicate ready) {
        Optional<String> external = state.flatMap(s -> s.external(component));
        Optional<ProcessHandle> process = state.flatMap(s -> s.live(component));
        int port = state.map(s -> s.port(component)).filter(p -> p > 0).orElse(configuredPort);
        if (external.isPresent()) {
            statusLine(component, "external", "-", "-", external.get());
        } else if (process.isPresent()) {
            statusLine(component, ready.test(port) ? "ready" : "running", port, process.get().pid(), "");
        } else { // something else on the port explains a later "port in use" from up
            statusLine(component, "stopped", port, "-", Processes.tcpOpen(port) ? "(port used by another process)" : "");
        }
    }

    private void statusLine(Object... columns) {
        out.println(String.format("%-24s %-9s %-6s %-8s %s", columns).stripTrailing());
    }

    /** Prints (and follows) one component's log file. */
    @Command(name = "logs")
    int logs(@Parameters(paramLabel = "NAME") String name, @Option(names = {"-f", "--follow"}) boolean follow,
            @Option(names = {"-n", "--lines"}, paramLabel = "N") Integer lines) throws IOException {
        if (lines != null && lines < 1) {
            throw LauncherException.usage("--lines must be a positive number, not " + lines + ".");
        }
        Path file = settings().logFile(logName(name));
        if (!Files.exists(file) && !follow) {
            out.println("No log yet: " + file);
            return 1;
        }
        long position = 0;
        if (lines != null && Files.exists(file)) {
            Processes.tail(file, lines).forEach(out::println);
            position = Files.size(file);
        } else if (!follow) {
            Files.copy(file, out);
        }
        if (follow) { // until Ctrl-C; a new run's log (rotated) is followed from its top
            Processes.follow(file, position, out, () -> false);
        }
        out.flush();
        return 0;
    }

    static String logName(String name) {
        return switch (name) {
            case "kafka", "postgres", "keycloak", "keycloak-download", "ipm", "ipm-debug" -> name;
            default -> ServiceDefinition.byName(name).map(ServiceDefinition::name).orElseThrow(() ->
                    LauncherException.usage("Unknown log '" + name + "': a service (" + String.join(", ",
                            Settings.shortNames()) + "), kafka, postgres, keycloak, keycloak-download, ipm or"
                            + " ipm-debug."));
        };
    }
}
