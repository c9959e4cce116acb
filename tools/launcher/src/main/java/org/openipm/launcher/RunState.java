package org.openipm.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code up} has started, in {@code .ipm/run/state.properties}, so that {@code down} and
 * {@code status} from another terminal (and the next {@code up}, after a crash) find the processes: per
 * component its pid, start time (against pid reuse) and port, and the run's phase.
 */
final class RunState {

    static final String LAUNCHER = "launcher";
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";

    private final Path file;
    private final Properties properties;

    private RunState(Path file, Properties properties) {
        this.file = file;
        this.properties = properties;
    }

    /** A fresh state for a starting launcher (any previous one must have been dealt with). */
    static RunState create(Path ipmDir) throws IOException {
        RunState state = new RunState(ipmDir.resolve("run/state.properties"), new Properties());
        Files.createDirectories(state.file.getParent());
        state.properties.setProperty("phase", "starting");
        state.record(LAUNCHER, ProcessHandle.current(), 0);
        return state;
    }

    static Optional<RunState> read(Path ipmDir) {
        Path file = ipmDir.resolve("run/state.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return Optional.of(new RunState(file, properties));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    synchronized void record(String component, ProcessHandle process, int port) {
        properties.setProperty(component + ".pid", Long.toString(process.pid()));
        properties.setProperty(component + ".start", Long.toString(Processes.startMillis(process)));
        properties.setProperty(component + ".port", Integer.toString(port));
        save();
    }

    /** A component the run uses but did not start (external Kafka or database). */
    synchronized void recordExternal(String component, String detail) {
        properties.setProperty(component + ".external", detail);
        save();
    }

    synchronized void forget(String component) {
        properties.remove(component + ".pid");
        save();
    }

    synchronized void phase(String phase) {
        properties.setProperty("phase", phase);
        save();
    }

    synchronized String phase() {
        return properties.getProperty("phase", "unknown");
    }

    synchronized Optional<String> external(String component) {
        return Optional.ofNullable(properties.getProperty(component + ".external"));
    }

    synchronized int port(String component) {
        return Integer.parseInt(properties.getProperty(component + ".port", "0"));
    }

    /** The component's process if it still runs and is the one recorded. */
    synchronized Optional<ProcessHandle> live(String component) {
        return Optional.ofNullable(properties.getProperty(component + ".pid")).flatMap(pid -> Processes.live(
                Long.parseLong(pid), Long.parseLong(properties.getProperty(component + ".start", "0"))));
    }

    /** Every recorded process still running: the launcher, services, PostgreSQL (Kafka runs in the launcher). */
    List<ProcessHandle> alive() {
        List<ProcessHandle> alive = new ArrayList<>();
        live(LAUNCHER).ifPresent(alive::add);
        ServiceDefinition.ALL.forEach(s -> live(s.name()).ifPresent(alive::add));
        live(POSTGRES).ifPresent(alive::add);
        return alive;
    }

    /** Removed once everything recorded has stopped. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file is recognised by its dead pids anyway
        }
    }

    private void save() {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp)) {
                properties.store(writer, "written by ./ipm up; read by ./ipm status and ./ipm down");
            }
            // Atomic: status and down read this file while the launcher writes it.
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("warning: cannot write " + file + ": " + e.getMessage());
        }
    }
}
