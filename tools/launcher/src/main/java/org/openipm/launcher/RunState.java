package org.openipm.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a running {@code up} has started, in {@code .ipm/run/state.properties}, so that {@code down} and
 * {@code status} from another terminal (and the next {@code up}, after a crash) find the processes: per
 * component its pid, start time (against pid reuse) and port, or what it uses instead (external), and the phase.
 */
final class RunState {

    static final String LAUNCHER = "launcher";
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";
    static final String KEYCLOAK = "keycloak";

    private final Path file;
    private final Properties properties = new Properties();

    private RunState(Path ipmDir) {
        this.file = ipmDir.resolve("run/state.properties");
    }

    /** A fresh state for a starting launcher (any previous one must have been dealt with). */
    static RunState create(Path ipmDir) throws IOException {
        RunState state = new RunState(ipmDir);
        Files.createDirectories(state.file.getParent());
        state.phase("starting");
        state.record(LAUNCHER, ProcessHandle.current(), 0);
        return state;
    }

    static Optional<RunState> read(Path ipmDir) {
        RunState state = new RunState(ipmDir);
        try (Reader reader = Files.newBufferedReader(state.file)) {
            state.properties.load(reader);
            return Optional.of(state);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void record(String component, ProcessHandle process, int port) {
        save(component + ".pid", Long.toString(process.pid()), component + ".start",
                Long.toString(Processes.startMillis(process)), component + ".port", Integer.toString(port));
    }

    /** A component the run uses but did not start (external Kafka or database). */
    void recordExternal(String component, String detail) {
        save(component + ".external", detail);
    }

    void forget(String component) {
        save(component + ".pid", "0");
    }

    void phase(String phase) {
        save("phase", phase);
    }

    String phase() {
        return properties.getProperty("phase", "unknown");
    }

    Optional<String> external(String component) {
        return Optional.ofNullable(properties.getProperty(component + ".external"));
    }

    int port(String component) {
        return Integer.parseInt(properties.getProperty(component + ".port", "0"));
    }

    /** The component's process if it still runs and is the one recorded. */
    Optional<ProcessHandle> live(String component) {
        return Processes.live(Long.parseLong(properties.getProperty(component + ".pid", "0")),
                Long.parseLong(properties.getProperty(component + ".start", "0")));
    }

    /**
     * Every recorded process still running: the launcher, services, Keycloak, PostgreSQL (Kafka runs in the
     * launcher).
     */
    List<ProcessHandle> alive() {
        return Stream.concat(Stream.of(LAUNCHER, POSTGRES, KEYCLOAK), ServiceDefinition.ALL.stream().map(ServiceDefinition::name))
                .flatMap(component -> live(component).stream()).toList();
    }

    /** Removed once everything recorded has stopped; a stale file is recognised by its dead pids anyway. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("warning: cannot delete " + file + ": " + e.getMessage());
        }
    }

    /** Written whole and moved into place atomically: status and down read it while the launcher writes it. */
    private synchronized void save(String... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp)) {
                properties.store(writer, "written by ./ipm up; read by ./ipm status and ./ipm down");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("warning: cannot write " + file + ": " + e.getMessage());
        }
    }
}
