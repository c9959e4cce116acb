package org.openipm.authentication.connector;

import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openipm.authentication.provider.Provider;
import org.openipm.provider.protocol.MessageSignatures;

/**
 * The HTTP connector: POSTs the signed query to the provider's endpoint and returns its reply, each attempt
 * bounded by the provider's timeout, retried and circuit-broken by the provider's own guard. The message id is the
 * request id on every attempt, so a provider can recognise a repeat.
 * <p>
 * The call runs on the service's Vert.x event loops, over a pool of kept-alive HTTP/1.1 connections; the worker
 * waits for the reply. The JDK's {@code HttpClient} did the same with a thread pool and a selector thread of its own:
 * about a tenth of the service's CPU per verification went to handing each call between those threads.
 */
@ApplicationScoped
public class HttpConnector {

    /** An answer is a few hundred bytes; a provider sending megabytes is failing, not answering. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final String[] SIGNATURE_HEADERS = { MessageSignatures.ID, MessageSignatures.TIMESTAMP,
            MessageSignatures.SIGNATURE };

    // HTTP/1.1, which every provider speaks; no redirects followed (an endpoint is registered, not discovered). The
    // pool never makes a call wait for a connection: each attempt is bounded by its provider's timeout anyway.
    private final HttpClient client;
    private final ProviderGuards guards;

    public HttpConnector(Vertx vertx, ProviderGuards guards) {
        this.guards = guards;
        this.client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true).setConnectTimeout(5000).setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(1_000).setMaxWaitQueueSize(-1));
    }

    /** The provider's reply; throws what the guard gave up on (timeout, open circuit, {@link ProviderCallFailed}). */
    public HttpReply ask(Provider provider, MessageSignatures signatures, String messageId, String body)
            throws Exception {
        Guard guard = guards.of(provider.id, provider.timeoutMs);
        return guard.call(() -> attempt(provider, signatures, messageId, body), HttpReply.class);
    }

    private HttpReply attempt(Provider provider, MessageSignatures signatures, String messageId, String body)
            throws InterruptedException {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(provider.endpoint)
                .setFollowRedirects(false).setIdleTimeout(provider.timeoutMs)
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json");
        signatures.sign(messageId, Instant.now(), body).forEach(options::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        CompletableFuture<HttpReply> reply = client.request(options)
                .compose(request -> {
                    sent.set(request);
                    return request.send(Buffer.buffer(body));
                })
                .compose(HttpConnector::replyOf)
                .toCompletionStage().toCompletableFuture();
        try {
            // The guard's timeout interrupts this wait; the idle timeout above is the backstop.
            return reply.get(provider.timeoutMs + 1_000L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            abandon(sent.get());
            throw e;
        } catch (java.util.concurrent.TimeoutException e) {
            abandon(sent.get());
            throw new ProviderCallFailed("provider did not answer within " + provider.timeoutMs + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProviderCallFailed failed) {
                throw failed;
            }
            throw new ProviderCallFailed("provider unreachable: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        }
    }

    /**
     * The reply's body, read up to {@link #MAX_ANSWER_BYTES}: a longer one resets the request at once instead of
     * being read to its end (a hostile provider could send without end).
     */
    private static io.vertx.core.Future<HttpReply> replyOf(HttpClientResponse response) {
        Promise<HttpReply> reply = Promise.promise();
        if (response.statusCode() != 200) {
            response.request().reset();
            return io.vertx.core.Future.failedFuture(
                    new ProviderCallFailed("provider answered HTTP " + response.statusCode()));
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_ANSWER_BYTES) {
                if (reply.tryFail(new ProviderCallFailed("provider's answer exceeds " + MAX_ANSWER_BYTES
                        + " bytes"))) {
                    response.request().reset();
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(reply::tryFail);
        response.endHandler(end -> {
            Map<String, String> headers = new HashMap<>();
            for (String name : SIGNATURE_HEADERS) {
                String value = response.getHeader(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            reply.tryComplete(new HttpReply(headers, body.toString(StandardCharsets.UTF_8)));
        });
        return reply.future();
    }

    private static void abandon(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
