package org.openipm.authentication.connector;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.openipm.authentication.provider.Provider;
import org.openipm.provider.protocol.MessageSignatures;

/**
 * The HTTP connector: POSTs the signed query to the provider's endpoint and returns its reply, each attempt
 * bounded by the provider's timeout, retried and circuit-broken by the provider's own guard. The message id is the
 * request id on every attempt, so a provider can recognise a repeat.
 */
@ApplicationScoped
public class HttpConnector {

    /** An answer is a few hundred bytes; a provider sending megabytes is failing, not answering. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "provider-http");
        thread.setDaemon(true);
        return thread;
    });
    // HTTP/1.1: over plain HTTP the JDK client's default first offers an h2c upgrade, which a Quarkus/Vert.x
    // provider (the reference provider among them) fails on a POST with a body (HTTP 500); every provider speaks 1.1.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).executor(executor)
            .build();
    private final ProviderGuards guards;

    public HttpConnector(ProviderGuards guards) {
        this.guards = guards;
    }

    /** The provider's reply; throws what the guard gave up on (timeout, open circuit, {@link ProviderCallFailed}). */
    public HttpReply ask(Provider provider, MessageSignatures signatures, String messageId, String body)
            throws Exception {
        Guard guard = guards.of(provider.id, provider.timeoutMs);
        return guard.call(() -> attempt(provider, signatures, messageId, body), HttpReply.class);
    }

    private HttpReply attempt(Provider provider, MessageSignatures signatures, String messageId, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.endpoint))
                .timeout(Duration.ofMillis(provider.timeoutMs))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signatures.sign(messageId, Instant.now(), body).forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ProviderCallFailed("provider unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            throw new ProviderCallFailed("provider answered HTTP " + response.statusCode());
        }
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new ProviderCallFailed("provider's answer exceeds " + MAX_ANSWER_BYTES + " bytes");
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : new String[] { MessageSignatures.ID, MessageSignatures.TIMESTAMP,
                MessageSignatures.SIGNATURE }) {
            response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        return new HttpReply(headers, new String(bytes, StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
