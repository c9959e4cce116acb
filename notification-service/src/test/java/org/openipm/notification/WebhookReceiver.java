package org.openipm.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A real HTTP receiver on loopback (the JDK's server, one thread per request): each path is an endpoint that records
 * what it receives and answers as its test tells it (a status, a queue of statuses, or a wait first).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One received request: lower-case header names. */
    public record Received(String path, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, Supplier<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(new Received(path, headers, body));
            CountDownLatch hold = holds.get(path);
            if (hold != null) {
                try {
                    hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = answers.getOrDefault(path, () -> 204).get();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The endpoint answers these statuses in turn, then the last one for ever. */
    public void answer(String path, Integer... statuses) {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>(List.of(statuses));
        int last = statuses[statuses.length - 1];
        answers.put(path, () -> {
            Integer next = queue.poll();
            return next == null ? last : next;
        });
    }

    /** The endpoint takes every request and answers only once {@link #release} is called (a hung endpoint). */
    public void hold(String path) {
        holds.put(path, new CountDownLatch(1));
    }

    public void release(String path) {
        CountDownLatch hold = holds.remove(path);
        if (hold != null) {
            hold.countDown();
        }
    }

    public List<Received> at(String path) {
        List<Received> at = new ArrayList<>();
        received.forEach(r -> {
            if (r.path().equals(path)) {
                at.add(r);
            }
        });
        return at;
    }

    @Override
    public void close() {
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}
