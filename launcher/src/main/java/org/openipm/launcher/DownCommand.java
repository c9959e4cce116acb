package org.openipm.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./ipm down}: asks the running launcher to stop (SIGTERM, so it stops things in order), waits until every
 * recorded process is gone, and kills what is left after the timeout. If the launcher itself is gone, stops its
 * leftovers directly.
 */
final class DownCommand {

    private DownCommand() {
    }

    static int run(Settings settings, Map<String, String> env, PrintStream out) {
        Optional<RunState> recorded = RunState.read(settings.ipmDir());
        if (recorded.isEmpty() || Stopper.alive(recorded.get()).isEmpty()) {
            recorded.ifPresent(RunState::delete);
            out.println("OpenIPM is not running.");
            return 0;
        }
        RunState state = recorded.get();
        Duration timeout = Duration.ofSeconds(timeoutSeconds(env));
        long t0 = System.nanoTime();
        Optional<ProcessHandle> launcher = state.live(RunState.LAUNCHER);
        if (launcher.isPresent()) {
            out.println("Stopping OpenIPM (launcher pid " + launcher.get().pid() + ")...");
            launcher.get().destroy();
            long deadline = t0 + timeout.toNanos();
            while (!Stopper.alive(state).isEmpty() && System.nanoTime() < deadline) {
                Processes.sleep(200);
            }
        } else {
            out.println("The launcher is gone; stopping what it left:");
            Stopper.stopRecorded(state, out);
        }
        List<ProcessHandle> left = Stopper.alive(state);
        if (!left.isEmpty()) {
            out.println("Still running after " + timeout.toSeconds() + " s, killing: "
                    + left.stream().map(p -> Long.toString(p.pid())).toList());
            for (ProcessHandle process : left) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            for (ProcessHandle process : left) {
                Processes.awaitExit(process, Duration.ofSeconds(10));
            }
        }
        state.delete();
        out.printf(Locale.ROOT, "Stopped in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private static int timeoutSeconds(Map<String, String> env) {
        try {
            int seconds = Integer.parseInt(env.getOrDefault("IPM_DOWN_TIMEOUT", "90").trim());
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("IPM_DOWN_TIMEOUT must be a positive number of seconds.");
    }
}
