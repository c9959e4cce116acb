package org.openipm.launcher;

import java.io.PrintStream;
import java.util.Optional;

/**
 * {@code ./ipm status}: per component, "ready" (answers: readiness 200, or the port accepts connections),
 * "running" (process alive, not ready yet) or "stopped", with port and pid. Exit code 0 when OpenIPM runs,
 * 3 when it does not (the LSB convention for status).
 */
final class StatusCommand {

    private static final String FORMAT = "%-24s %-9s %-6s %-8s %s";

    private StatusCommand() {
    }

    static int run(Settings settings, PrintStream out) {
        Optional<RunState> state = RunState.read(settings.ipmDir());
        Optional<ProcessHandle> launcher = state.flatMap(s -> s.live(RunState.LAUNCHER));
        if (launcher.isPresent()) {
            out.println("OpenIPM: " + state.get().phase() + " (launcher pid " + launcher.get().pid() + ")");
        } else if (state.isPresent() && !Stopper.alive(state.get()).isEmpty()) {
            out.println("OpenIPM: the launcher is gone but some components still run (./ipm down stops them)");
        } else {
            out.println("OpenIPM: not running");
        }
        print(out, "COMPONENT", "STATE", "PORT", "PID", "");
        line(out, state, "postgres", settings.postgresPort(), port -> Readiness.tcpOpen("127.0.0.1", port));
        line(out, state, "kafka", settings.kafkaPort(), port -> Readiness.tcpOpen("127.0.0.1", port));
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            line(out, state, service.name(), settings.servicePort(service),
                    port -> Readiness.httpOk(java.net.URI.create("http://localhost:" + port + "/q/health/ready")));
        }
        return launcher.isPresent() ? 0 : 3;
    }

    private static void print(PrintStream out, Object... columns) {
        out.println(String.format(FORMAT, columns).stripTrailing());
    }

    private static void line(PrintStream out, Optional<RunState> state, String component, int configuredPort,
                             java.util.function.IntPredicate readyCheck) {
        if (state.isPresent() && state.get().isExternal(component)) {
            print(out, component, "external", "-", "-", state.get().detail(component).orElse(""));
            return;
        }
        Optional<ProcessHandle> process = state.flatMap(s -> s.live(component));
        int port = state.map(s -> s.port(component)).filter(p -> p > 0).orElse(configuredPort);
        if (process.isPresent()) {
            String status = readyCheck.test(port) ? "ready" : "running";
            print(out, component, status, port, process.get().pid(), "");
        } else {
            // Something else on the port explains a later "port in use" from up.
            String note = Readiness.tcpOpen("127.0.0.1", port) ? "(port used by another process)" : "";
            print(out, component, "stopped", port, "-", note);
        }
    }
}
