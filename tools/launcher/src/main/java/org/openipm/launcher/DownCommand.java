package org.openipm.launcher;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./ipm down}: asks the running launcher to stop (SIGTERM: it stops things in order), waits until every
 * recorded process is gone, and kills what is left after IPM_DOWN_TIMEOUT. If the launcher itself is gone,
 * stops what it left directly.
 */
@Command(name = "down")
final class DownCommand implements Callable<Integer> {

    @ParentCommand
    Ipm ipm;

    @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true)
    boolean help;

    @Override
    public Integer call() {
        Settings settings = ipm.settings();
        Optional<RunState> state = RunState.read(settings.ipmDir);
        if (state.isEmpty() || state.get().alive().isEmpty()) {
            state.ifPresent(RunState::delete);
            ipm.out.println("OpenIPM is not running.");
            return 0;
        }
        long t0 = System.nanoTime();
        Optional<ProcessHandle> launcher = state.get().live(RunState.LAUNCHER);
        if (launcher.isPresent()) {
            ipm.out.println("Stopping OpenIPM (launcher pid " + launcher.get().pid() + ")...");
            launcher.get().destroy();
            long deadline = t0 + settings.downTimeout.toNanos();
            while (!state.get().alive().isEmpty() && System.nanoTime() < deadline) {
                Processes.sleep(200);
            }
        } else {
            ipm.out.println("The launcher is gone; stopping what it left:");
            stopLeftovers(state.get(), ipm);
        }
        List<ProcessHandle> left = state.get().alive();
        if (!left.isEmpty()) {
            ipm.out.println("Still running after " + settings.downTimeout.toSeconds() + " s, killing: "
                    + left.stream().map(ProcessHandle::pid).toList());
            left.forEach(p -> Processes.stop(p, "KILL", java.time.Duration.ofSeconds(10)));
        }
        state.get().delete();
        ipm.out.printf(Locale.ROOT, "Stopped in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** What a dead launcher left: services (in parallel), then PostgreSQL, as the launcher would. */
    static void stopLeftovers(RunState state, Ipm ipm) {
        ServiceDefinition.ALL.parallelStream().forEach(service -> state.live(service.name()).ifPresent(p -> {
            ipm.out.println("  stopping " + service.name() + " (pid " + p.pid() + ")");
            Processes.stop(p, "TERM", PlatformRun.SERVICE_GRACE);
        }));
        state.live(RunState.POSTGRES).ifPresent(p -> {
            ipm.out.println("  stopping PostgreSQL (pid " + p.pid() + ")");
            Processes.stop(p, "INT", PlatformRun.POSTGRES_GRACE);
        });
    }
}
