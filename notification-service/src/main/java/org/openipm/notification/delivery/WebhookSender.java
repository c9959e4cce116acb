package org.openipm.notification.delivery;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.openipm.notification.NotificationSettings;
import org.openipm.notification.delivery.DeliveryRepository.Claimed;
import org.openipm.notification.delivery.DeliveryRepository.Target;
import org.openipm.notification.webhook.WebhookSecrets;
import org.openipm.notification.webhook.WebhookTargets;

/**
 * POSTs deliveries the Standard Webhooks way: {@code webhook-id} (the same for every retry), {@code
 * webhook-timestamp} (this attempt), {@code webhook-signature} (one {@code v1,<base64>} per current secret).
 * <ul>
 * <li>The target is checked when a turn begins and the connection goes to the very address that was checked (the
 *     host name is only the {@code Host} header and, for https, the name the certificate must carry): a DNS answer
 *     that changes between the check and the connection cannot lead inside the network.</li>
 * <li>Up to {@code pipelined-requests} deliveries are on one connection at once (HTTP/1.1 pipelining): they leave
 *     and are answered in sequence order, and a turn no longer waits one round trip per delivery.</li>
 * <li>Redirects are not followed (they could lead inside the network); every answer is bounded by the request
 *     timeout, counted from when it is the next one due.</li>
 * </ul>
 */
@ApplicationScoped
public class WebhookSender {

    private final WebhookClients clients;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final Duration requestTimeout;
    private final int inFlight;

    @Inject
    public WebhookSender(WebhookClients clients, WebhookTargets targets, WebhookSecrets secrets,
            NotificationSettings settings) {
        this(clients, targets, secrets, settings.webhooks().requestTimeout(), settings.webhooks().pipelinedRequests());
    }

    WebhookSender(WebhookClients clients, WebhookTargets targets, WebhookSecrets secrets, Duration requestTimeout,
            int inFlight) {
        this.clients = clients;
        this.targets = targets;
        this.secrets = secrets;
        this.requestTimeout = requestTimeout;
        this.inFlight = Math.max(1, inFlight);
    }

    /**
     * Begins a subscription's turn: its URL checked once, its secrets opened once (a turn lasts seconds at most, a
     * rotation's overlap hours; opening them per delivery cost an AES decryption and a MAC key set-up each).
     */
    TurnSender begin(Target target, Instant at) {
        WebhookTargets.Checked checked = targets.check(target.url());
        if (!checked.allowed()) {
            Outcome refused = Outcome.unreachable("target refused: " + checked.refusal(), 0);
            return new Refused(refused, requestTimeout);
        }
        WebhookSecrets.Signer signer = secrets.signerOf(target.id(), target.secretSealed(),
                target.previousSecretSealed(), target.previousSecretUntil(), at);
        HttpClient client = clients.pinned(target.id(), target.url(), checked.address());
        return new Pipeline(client, checked, signer);
    }

    /** A turn whose target may not be called: every attempt fails at once without a connection. */
    private record Refused(Outcome outcome, Duration answerTimeout) implements TurnSender {
        @Override
        public int inFlight() {
            return 1;
        }

        @Override
        public Attempt send(Claimed delivery, Instant at) {
            return Attempt.done(outcome);
        }
    }

    /** A turn's requests on the subscription's connection to its checked address. */
    private final class Pipeline implements TurnSender {

        private final HttpClient client;
        private final SocketAddress server;
        private final String host;
        private final int port;
        private final boolean https;
        private final String pathAndQuery;
        private final WebhookSecrets.Signer signer;

        Pipeline(HttpClient client, WebhookTargets.Checked checked, WebhookSecrets.Signer signer) {
            this.client = client;
            this.server = SocketAddress.inetSocketAddress(new InetSocketAddress(checked.address(), checked.port()));
            URI uri = checked.uri();
            this.host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            this.port = checked.port();
            this.https = checked.isHttps();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            this.pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            this.signer = signer;
        }

        @Override
        public int inFlight() {
            return inFlight;
        }

        @Override
        public Duration answerTimeout() {
            return requestTimeout;
        }

        @Override
        public Attempt send(Claimed delivery, Instant at) {
            long start = System.nanoTime();
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setServer(server).setHost(host)
                    .setPort(port).setSsl(https).setURI(pathAndQuery).setFollowRedirects(false)
                    .putHeader("Content-Type", "application/json").putHeader("User-Agent", "OpenIPM-Webhooks/1");
            signer.headers(DeliveryMessages.messageId(delivery.id()), at, delivery.payload())
                    .forEach(request::putHeader);
            CompletableFuture<Outcome> outcome = new CompletableFuture<>();
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            client.request(request)
                    .compose(opened -> {
                        sent.set(opened);
                        return opened.send(Buffer.buffer(delivery.payload()));
                    })
                    // The answer's body is read and dropped: the status is all a delivery needs.
                    .compose(response -> response.end().map(ended -> response.statusCode()))
                    .onComplete(answer -> outcome.complete(answer.succeeded()
                            ? Outcome.answered(answer.result(), elapsed(start))
                            : Outcome.unreachable("could not reach the endpoint: " + reason(answer.cause()),
                                    elapsed(start))));
            return new Attempt(outcome, () -> {
                HttpClientRequest opened = sent.get();
                if (opened != null) {
                    opened.reset(); // HTTP/1.1: closes the connection, and fails the requests behind this one
                }
            });
        }
    }

    private static String reason(Throwable cause) {
        return cause == null ? "unknown" : cause.getClass().getSimpleName();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
