package org.openipm.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stops, by pid, what a launcher recorded but can no longer stop itself (it crashed or was killed): services,
 * then Kafka, then PostgreSQL, as the launcher would.
 */
final class Stopper {

    static final Duration SERVICE_GRACE = Duration.ofSeconds(20);
    static final Duration KAFKA_GRACE = Duration.ofSeconds(30);
    static final Duration POSTGRES_GRACE = Duration.ofSeconds(15);

    private Stopper() {
    }

    /** @return whether anything was running */
    static boolean stopRecorded(RunState state, PrintStream out) {
        boolean any = false;
        List<CompletableFuture<Void>> services = new ArrayList<>();
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            Optional<ProcessHandle> process = state.live(service.name());
            if (process.isPresent()) {
                any = true;
                out.println("  stopping " + service.name() + " (pid " + process.get().pid() + ")");
                services.add(CompletableFuture.runAsync(() -> Processes.stop(process.get(), "TERM", SERVICE_GRACE)));
            }
        }
        services.forEach(CompletableFuture::join);
        Optional<ProcessHandle> kafka = state.live(RunState.KAFKA);
        if (kafka.isPresent()) {
            any = true;
            out.println("  stopping Kafka (pid " + kafka.get().pid() + ")");
            Processes.stop(kafka.get(), "TERM", KAFKA_GRACE);
        }
        Optional<ProcessHandle> postgres = state.live(RunState.POSTGRES);
        if (postgres.isPresent()) {
            any = true;
            out.println("  stopping PostgreSQL (pid " + postgres.get().pid() + ")");
            // SIGINT is PostgreSQL's "fast" shutdown: sessions are ended, data is written out cleanly.
            Processes.stop(postgres.get(), "INT", POSTGRES_GRACE);
        }
        return any;
    }

    /** The recorded processes still alive (launcher included). */
    static List<ProcessHandle> alive(RunState state) {
        List<ProcessHandle> alive = new ArrayList<>();
        List<String> components = new ArrayList<>();
        components.add(RunState.LAUNCHER);
        ServiceDefinition.ALL.forEach(s -> components.add(s.name()));
        components.add(RunState.KAFKA);
        components.add(RunState.POSTGRES);
        for (String component : components) {
            state.live(component).ifPresent(alive::add);
        }
        return alive;
    }
}
