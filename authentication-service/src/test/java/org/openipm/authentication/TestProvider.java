package org.openipm.authentication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.provider.protocol.Verdict;

/**
 * A security solution provider over real HTTP (the JDK's server on a free port), speaking the protocol with
 * {@link MessageSignatures}: it refuses queries OpenIPM did not sign, and answers as a test tells it to, including
 * the ways a broken or hostile provider would (slow, failing, unsigned, badly signed, stale, replayed, about
 * another request).
 */
public final class TestProvider {

    public enum Behaviour {
        GENUINE, COUNTERFEIT, SLOW, FAILING, UNSIGNED, BADLY_SIGNED, STALE, REUSED_MESSAGE_ID, OTHER_REQUEST,
        /** Answers 200 with a body of megabytes, sent in chunks (no length announced). */
        OVERSIZED,
        /** Answers GENUINE once {@link #release()} is called (so a test can act while a call is in flight). */
        HELD
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static HttpServer server;
    private static final Map<String, TestProvider> BY_PATH = new ConcurrentHashMap<>();

    private final String path;
    private final String secret;
    private final MessageSignatures signatures;
    private volatile Behaviour behaviour = Behaviour.GENUINE;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<AuthenticationQuery> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger unsignedQueries = new AtomicInteger();
    private final String fixedMessageId = "msg-" + UUID.randomUUID();
    private final CountDownLatch held = new CountDownLatch(1);

    private TestProvider(String secret) {
        this.path = "/ssp/" + UUID.randomUUID();
        this.secret = secret;
        this.signatures = new MessageSignatures(secret);
    }

    /** A provider holding {@code secret}, reachable at {@link #endpoint()}. */
    public static synchronized TestProvider start(String secret) {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/ssp/", TestProvider::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }
        TestProvider provider = new TestProvider(secret);
        BY_PATH.put(provider.path, provider);
        return provider;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The shared secret, to check it never leaves OpenIPM. */
    public String secret() {
        return secret;
    }

    public TestProvider behave(Behaviour next) {
        this.behaviour = next;
        return this;
    }

    /** Lets held answers (and later ones) go. */
    public void release() {
        held.countDown();
    }

    public int calls() {
        return calls.get();
    }

    public long callsFor(UUID requestId) {
        return queries.stream().filter(q -> requestId.equals(q.requestId())).count();
    }

    public List<AuthenticationQuery> queries() {
        return List.copyOf(queries);
    }

    public int unsignedQueries() {
        return unsignedQueries.get();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        TestProvider provider = BY_PATH.get(exchange.getRequestURI().getPath());
        try (exchange) {
            if (provider == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            provider.answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of(MessageSignatures.ID, MessageSignatures.TIMESTAMP, MessageSignatures.SIGNATURE)) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (!signatures.verify(headers, body)) {
            unsignedQueries.incrementAndGet();
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        AuthenticationQuery query = JSON.readValue(body, AuthenticationQuery.class);
        queries.add(query);
        Behaviour now = behaviour;
        switch (now) {
            case FAILING -> {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            case SLOW -> sleep(Duration.ofSeconds(5));
            case OVERSIZED -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 64; i++) {
                        out.write(chunk);
                    }
                } catch (IOException closedByTheReader) {
                    // The connector stops reading past its limit: that is what is tested.
                }
                return;
            }
            case HELD -> awaitRelease();
            default -> {
            }
        }
        Verdict verdict = now == Behaviour.COUNTERFEIT ? Verdict.COUNTERFEIT : Verdict.GENUINE;
        UUID requestId = now == Behaviour.OTHER_REQUEST ? UUID.randomUUID() : query.requestId();
        String answer = JSON.writeValueAsString(new AuthenticationAnswer(requestId, query.code(), verdict,
                verdict == Verdict.GENUINE ? 0.97 : 0.99,
                new AuthenticationAnswer.Evidence(verdict == Verdict.GENUINE ? "Serial issued by us and intact"
                        : "Signature on the mark is forged", Map.of("scanCount", "1")),
                "ref-" + query.requestId()));
        String messageId = now == Behaviour.REUSED_MESSAGE_ID ? fixedMessageId : "msg-" + UUID.randomUUID();
        Instant at = now == Behaviour.STALE ? Instant.now().minus(Duration.ofMinutes(10)) : Instant.now();
        Map<String, String> signed = signatures.sign(messageId, at, answer);
        if (now != Behaviour.UNSIGNED) {
            signed.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        } else {
            exchange.getResponseHeaders().add(MessageSignatures.ID, messageId);
            exchange.getResponseHeaders().add(MessageSignatures.TIMESTAMP, signed.get(MessageSignatures.TIMESTAMP));
        }
        if (now == Behaviour.BADLY_SIGNED) {
            exchange.getResponseHeaders().set(MessageSignatures.SIGNATURE,
                    new MessageSignatures(MessageSignatures.newSecret()).sign(messageId, at, answer)
                            .get(MessageSignatures.SIGNATURE));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitRelease() {
        try {
            held.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
