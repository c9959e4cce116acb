package org.openipm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.commons.io.input.ReversedLinesFileReader;

/**
 * What the JDK lacks for supervising processes and their logs: zombie and pid-reuse checks, probes, log rotation,
 * tail and follow.
 */
final class Processes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Processes() {
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
        return Optional.of(pid).filter(p -> p > 0).flatMap(ProcessHandle::of).filter(Processes::running)
                .filter(p -> startMillis <= 0 || startMillis(p) <= 0 || Math.abs(startMillis(p) - startMillis) < 2000);
    }

    /**
     * SIGTERM (PostgreSQL's smart shutdown once its clients are gone), then up to {@code grace}, then SIGKILL to
     * the process and what it started. @return true if it ended on SIGTERM
     */
    static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
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

    /** name.log becomes name.log.1: each run starts a fresh log, the last crash stays readable. */
    static void rotate(Path log) throws IOException {
        Files.createDirectories(log.getParent());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The last {@code lines} lines, read backwards from the end (a chatty log can be large). */
    static List<String> tail(Path file, int lines) {
        try (ReversedLinesFileReader reader = ReversedLinesFileReader.builder().setPath(file)
                .setCharset(StandardCharsets.UTF_8).get()) {
            return reader.toString(lines).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Copies the file from {@code position} on and keeps copying what is appended until {@code stop} says so
     * (checked before each read, so the last lines still come). A file that shrinks (rotated by a new run) is
     * read again from the start.
     */
    static void follow(Path file, long position, OutputStream out, BooleanSupplier stop) throws IOException {
        long pos = position;
        while (true) {
            boolean last = stop.getAsBoolean();
            if (Files.exists(file)) {
                pos = Files.size(file) < pos ? 0 : pos;
                try (InputStream in = Files.newInputStream(file)) {
                    in.skipNBytes(pos);
                    pos += in.transferTo(out);
                }
                out.flush();
            }
            if (last) {
                return;
            }
            sleep(200);
        }
    }
}
