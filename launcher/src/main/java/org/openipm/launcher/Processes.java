package org.openipm.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Process helpers the JDK does not have: own process group, signals by name, pid checks that survive pid reuse. */
public final class Processes {

    private static final Optional<String> SETSID = findSetsid();

    private Processes() {
    }

    private static Optional<String> findSetsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Prefixes the command with setsid, so the child gets its own session and process group. Ctrl-C in a terminal
     * signals the whole foreground group; children outside it are not hit at once, which lets the launcher stop
     * them in order (services, then Kafka, then PostgreSQL). setsid execs in place, so the pid stays the child's.
     */
    static List<String> inOwnProcessGroup(List<String> command) {
        if (SETSID.isEmpty()) {
            return command;
        }
        List<String> result = new ArrayList<>(command.size() + 1);
        result.add(SETSID.get());
        result.addAll(command);
        return result;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Alive and not a zombie. A killed process whose parent is gone stays a zombie until the system's init reaps
     * it, and some inits (containers, micro-VMs) take their time: the JDK's isAlive() still says true then.
     */
    static boolean running(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            char state = end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : 'R';
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return handle.isAlive(); // no /proc (not Linux): trust the JDK
        }
    }

    /** Start time in epoch millis, 0 if unknown; recorded next to a pid to recognise the same process later. */
    static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * The live process with this pid, if it is still the one recorded (same start time, to the second): after a
     * reboot or a long time the pid may belong to an unrelated process that must not be signalled.
     */
    static Optional<ProcessHandle> live(long pid, long recordedStartMillis) {
        if (pid <= 0) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(Processes::running);
        if (handle.isEmpty() || recordedStartMillis <= 0) {
            return handle;
        }
        long actual = startMillis(handle.get());
        if (actual > 0 && Math.abs(actual - recordedStartMillis) > 2000) {
            return Optional.empty();
        }
        return handle;
    }

    /** kill -SIG pid; the JDK only sends TERM and KILL, PostgreSQL wants INT for a fast shutdown. */
    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // kill missing: fall back to the JDK's TERM
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the process is gone; true if it ended within the timeout. */
    static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(handle)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(100);
        }
        return true;
    }

    /**
     * Graceful stop: the signal, then up to {@code grace}, then SIGKILL to the process and whatever it started.
     *
     * @return true if it ended on the signal
     */
    static boolean stop(ProcessHandle handle, String signal, Duration grace) {
        if (!running(handle)) {
            return true;
        }
        List<ProcessHandle> descendants = handle.descendants().toList();
        if ("TERM".equals(signal)) {
            handle.destroy();
        } else {
            signal(handle.pid(), signal);
        }
        if (awaitExit(handle, grace)) {
            return true;
        }
        handle.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(handle, Duration.ofSeconds(5));
        return false;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
