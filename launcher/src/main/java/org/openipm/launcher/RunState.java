package org.openipm.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code up} has started, on disk so that {@code down} and {@code status} from another terminal
 * (and the next {@code up}, after a crash) can find the processes: {@code .ipm/ipm.pid} holds the launcher's pid,
 * {@code .ipm/run/state.properties} each component's pid, start time (against pid reuse), port and phase.
 */
public final class RunState {

    public static final String LAUNCHER = "launcher";
    public static final String KAFKA = "kafka";
    public static final String POSTGRES = "postgres";

    private final Path pidFile;
    private final Path stateFile;
    private final Properties properties;

    private RunState(Path ipmDir, Properties properties) {
        this.pidFile = ipmDir.resolve("ipm.pid");
        this.stateFile = ipmDir.resolve("run/state.properties");
        this.properties = properties;
    }

    /** A fresh state for a starting launcher (any previous one must have been dealt with). */
    static RunState create(Path ipmDir, ProcessHandle launcher) throws IOException {
        RunState state = new RunState(ipmDir, new Properties());
        Files.createDirectories(state.stateFile.getParent());
        state.properties.setProperty("phase", "starting");
        state.record(LAUNCHER, launcher.pid(), Processes.startMillis(launcher), 0, null);
        Files.writeString(state.pidFile, launcher.pid() + "\n");
        return state;
    }

    /** The state a launcher left, if any (it may have crashed: check the pids). */
    static Optional<RunState> read(Path ipmDir) {
        Path file = ipmDir.resolve("run/state.properties");
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                return Optional.empty();
            }
        } else {
            // Only the pid file (state never written, or from an older launcher): the launcher pid is enough.
            Optional<Long> pid = readPidFile(ipmDir.resolve("ipm.pid"));
            if (pid.isEmpty()) {
                return Optional.empty();
            }
            properties.setProperty(LAUNCHER + ".pid", pid.get().toString());
        }
        return Optional.of(new RunState(ipmDir, properties));
    }

    private static Optional<Long> readPidFile(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    synchronized void record(String component, long pid, long startMillis, int port, String detail) {
        properties.setProperty(component + ".pid", Long.toString(pid));
        properties.setProperty(component + ".start", Long.toString(startMillis));
        properties.setProperty(component + ".port", Integer.toString(port));
        if (detail != null) {
            properties.setProperty(component + ".detail", detail);
        }
        save();
    }

    /** A component the launcher uses but did not start (external Kafka or database). */
    synchronized void recordExternal(String component, String detail) {
        properties.setProperty(component + ".detail", detail);
        properties.setProperty(component + ".external", "true");
        save();
    }

    synchronized void forget(String component) {
        properties.remove(component + ".pid");
        properties.remove(component + ".start");
        save();
    }

    synchronized void phase(String phase) {
        properties.setProperty("phase", phase);
        save();
    }

    synchronized String phase() {
        return properties.getProperty("phase", "unknown");
    }

    synchronized boolean isExternal(String component) {
        return Boolean.parseBoolean(properties.getProperty(component + ".external"));
    }

    synchronized Optional<String> detail(String component) {
        return Optional.ofNullable(properties.getProperty(component + ".detail"));
    }

    synchronized long pid(String component) {
        return Long.parseLong(properties.getProperty(component + ".pid", "0"));
    }

    synchronized int port(String component) {
        return Integer.parseInt(properties.getProperty(component + ".port", "0"));
    }

    /** The component's process if it is still the one recorded. */
    synchronized Optional<ProcessHandle> live(String component) {
        long start = Long.parseLong(properties.getProperty(component + ".start", "0"));
        return Processes.live(pid(component), start);
    }

    /** Removes the files: called when everything recorded has stopped. */
    synchronized void delete() {
        try {
            Files.deleteIfExists(stateFile);
            // Only our own pid file: a new launcher may already have written its own.
            Optional<Long> pid = readPidFile(pidFile);
            if (pid.isEmpty() || pid.get() == pid(LAUNCHER)) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            // stale files are recognised by their dead pids anyway
        }
    }

    private void save() {
        try {
            Path temp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "written by ./ipm up; read by ./ipm status and ./ipm down");
            }
            // Atomic replace: status and down read this file while the launcher writes it.
            Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("warning: cannot write " + stateFile + ": " + e.getMessage());
        }
    }
}
