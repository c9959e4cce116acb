package org.openipm.system;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A caller's open live alert stream ({@code GET /api/v1/alerts/stream} of notification-service): open once the
 * server answered with its headers, its events read on a thread of their own until closed.
 */
final class AlertStream implements AutoCloseable {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final Thread reader;

    private AlertStream(Stream<String> lines) {
        this.lines = lines;
        this.reader = new Thread(() -> {
            try {
                lines.filter(line -> line.startsWith("data:")).forEach(line -> events.add(line.substring(5).trim()));
            } catch (RuntimeException closed) {
                // The stream was closed by the test.
            }
        }, "alert-stream");
        reader.setDaemon(true);
        reader.start();
    }

    static AlertStream open(String notificationService, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notificationService + "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        try {
            // The server sends the headers as soon as it listens for the caller's alerts.
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().sendAsync(request,
                    HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
            if (response.statusCode() != 200) {
                throw new AssertionError("alert stream answered " + response.statusCode());
            }
            return new AlertStream(response.body());
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot open the alert stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The first alert that matches, skipping others; fails when none arrives in time. */
    JsonPath awaitAlert(Predicate<JsonPath> matching, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < end) {
                String event = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event != null && matching.test(JsonPath.from(event))) {
                    return JsonPath.from(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching alert on the stream within " + timeout);
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
