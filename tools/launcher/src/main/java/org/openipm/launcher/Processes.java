package org.openipm.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the JDK lacks for supervising processes: own session, signals by name, probes, pid-reuse checks. */
final class Processes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Processes() {
    }

    /**
     * Prefixes setsid: the child gets its own session, out of reach of the terminal's Ctrl-C (and of its
     * closing), so the launcher stops it itself, in order. setsid execs in place: the pid stays the child's.
     */
    static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            return command;
        }
        List<String> result = new ArrayList<>(List.of("/usr/bin/setsid"));
        result.addAll(command);
        return result;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Alive and not a zombie: an orphan killed while its parent was gone stays a zombie until init reaps it,
     * which some inits (containers) delay, and the JDK still calls it alive.
     */
    static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return process.isAlive() && state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** The process with this pid if it still runs and is the one recorded (same start time): pids get reused. */
    static Optional<ProcessHandle> live(long pid, long startMillis) {
        return ProcessHandle.of(pid).filter(Processes::running)
                .filter(p -> startMillis <= 0 || startMillis(p) <= 0 || Math.abs(startMillis(p) - startMillis) < 2000);
    }

    /**
     * The signal (TERM; INT is PostgreSQL's fast shutdown), then up to {@code grace}, then SIGKILL to the process
     * and what it started. @return true if it ended on the signal
     */
    static boolean stop(ProcessHandle process, String signal, Duration grace) {
        if (!running(process)) {
            return true;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        if (signal.equals("TERM")) {
            process.destroy();
        } else {
            try {
                new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            } catch (IOException | InterruptedException e) {
                process.destroy();
            }
        }
        if (awaitExit(process, grace)) {
            return true;
        }
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(process, Duration.ofSeconds(5));
        return false;
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(process) && System.nanoTime() < deadline) {
            sleep(100);
        }
        return !running(process);
    }

    static boolean tcpOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** GET; true only for 200 (Quarkus answers 503 while a readiness check is down). */
    static boolean httpOk(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
