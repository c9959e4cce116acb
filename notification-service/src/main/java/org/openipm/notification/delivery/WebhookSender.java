package org.openipm.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.openipm.notification.NotificationSettings;
import org.openipm.notification.delivery.DeliveryRepository.Claimed;
import org.openipm.notification.delivery.DeliveryRepository.Target;
import org.openipm.notification.webhook.WebhookSecrets;
import org.openipm.notification.webhook.WebhookTargets;

/**
 * POSTs a delivery the Standard Webhooks way: {@code webhook-id} (the same for every retry), {@code
 * webhook-timestamp} (this attempt), {@code webhook-signature} (one {@code v1,<base64>} per current secret). The
 * target is checked again before each attempt (DNS answers change), redirects are not followed (they could lead
 * inside the network) and every call is bounded by the connect and request timeouts.
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient client;
    private final Duration requestTimeout;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;

    public WebhookSender(NotificationSettings settings, WebhookTargets targets, WebhookSecrets secrets) {
        // HTTP/1.1: the JDK client's h2c upgrade attempt on a POST with a body fails on some servers. The client's
        // own work (writing the request, reading the answer, whose body is discarded) runs on its selector thread
        // instead of being handed to a pool: a send is then one thread hand-off, not three, which on busy cores was
        // most of a delivery's time (each hand-off waits for a core).
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.webhooks().connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run).build();
        this.requestTimeout = settings.webhooks().requestTimeout();
        this.targets = targets;
        this.secrets = secrets;
    }

    /**
     * The subscription's secrets opened once for a turn (a turn lasts seconds at most, a rotation's overlap hours):
     * opening them for each delivery cost an AES decryption and a MAC key set-up per message.
     */
    WebhookSecrets.Signer signerFor(Target target, Instant at) {
        return secrets.signerOf(target.id(), target.secretSealed(), target.previousSecretSealed(),
                target.previousSecretUntil(), at);
    }

    Outcome send(Target target, WebhookSecrets.Signer signer, Claimed delivery, Instant at) {
        long start = System.nanoTime();
        Optional<String> refusal = targets.refusal(target.url());
        if (refusal.isPresent()) {
            return Outcome.unreachable("target refused: " + refusal.get(), elapsed(start));
        }
        Map<String, String> headers = signer.headers(DeliveryMessages.messageId(delivery.id()), at,
                delivery.payload());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url())).timeout(requestTimeout)
                .header("Content-Type", "application/json").header("User-Agent", "OpenIPM-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return Outcome.answered(response.statusCode(), elapsed(start));
        } catch (HttpTimeoutException e) {
            return Outcome.unreachable("no answer within " + requestTimeout.toMillis() + " ms", elapsed(start));
        } catch (IOException e) {
            return Outcome.unreachable("could not reach the endpoint: " + e.getClass().getSimpleName(), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.unreachable("interrupted (shutting down)", elapsed(start));
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
