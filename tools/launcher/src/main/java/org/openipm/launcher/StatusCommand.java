package org.openipm.launcher;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./ipm status}: per component "ready" (readiness 200, or the port answers), "running" (not ready yet),
 * "stopped" or "external", with port and pid. Exit code 0 when OpenIPM runs, 3 when not (LSB's convention).
 */
@Command(name = "status")
final class StatusCommand implements Callable<Integer> {

    private static final String FORMAT = "%-24s %-9s %-6s %-8s %s";

    @ParentCommand
    Ipm ipm;

    @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true)
    boolean help;

    @Override
    public Integer call() {
        Settings settings = ipm.settings();
        Optional<RunState> state = RunState.read(settings.ipmDir);
        Optional<ProcessHandle> launcher = state.flatMap(s -> s.live(RunState.LAUNCHER));
        if (launcher.isPresent()) {
            ipm.out.println("OpenIPM: " + state.get().phase() + " (launcher pid " + launcher.get().pid() + ")");
        } else if (state.isPresent() && !state.get().alive().isEmpty()) {
            ipm.out.println("OpenIPM: the launcher is gone but some components still run (./ipm down stops them)");
        } else {
            ipm.out.println("OpenIPM: not running");
        }
        print("COMPONENT", "STATE", "PORT", "PID", "");
        line(state, RunState.POSTGRES, settings.postgresPort, Processes::tcpOpen);
        line(state, RunState.KAFKA, settings.kafkaPort, Processes::tcpOpen);
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            line(state, service.name(), settings.servicePort(service),
                    port -> Processes.httpOk(URI.create("http://localhost:" + port + "/q/health/ready")));
        }
        if (state.flatMap(s -> s.external(RunState.POSTGRES)).isEmpty()) {
            ipm.out.println("PostgreSQL: " + settings.localJdbcUrl() + ", user " + Settings.DB_USER + ", password in "
                    + settings.show(settings.passwordFile()));
        }
        return launcher.isPresent() ? 0 : 3;
    }

    private void line(Optional<RunState> state, String component, int configuredPort, IntPredicate ready) {
        Optional<String> external = state.flatMap(s -> s.external(component));
        if (external.isPresent()) {
            print(component, "external", "-", "-", external.get());
            return;
        }
        Optional<ProcessHandle> process = state.flatMap(s -> s.live(component));
        int port = state.map(s -> s.port(component)).filter(p -> p > 0).orElse(configuredPort);
        if (process.isPresent()) {
            print(component, ready.test(port) ? "ready" : "running", port, process.get().pid(), "");
        } else {
            // Something else on the port explains a later "port in use" from up.
            print(component, "stopped", port, "-", Processes.tcpOpen(port) ? "(port used by another process)" : "");
        }
    }

    private void print(Object... columns) {
        ipm.out.println(String.format(FORMAT, columns).stripTrailing());
    }
}
