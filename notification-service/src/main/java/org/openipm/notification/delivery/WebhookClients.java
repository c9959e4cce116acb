package org.openipm.notification.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.TrustOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openipm.notification.NotificationSettings;

/**
 * One HTTP client per subscription, kept between its turns (a connection, and for https its TLS session, serve many
 * deliveries): at most one connection each, so a subscription's pipelined requests stay in order, and two
 * subscriptions whose endpoints share a host never wait behind each other's answers. A client is replaced when the
 * subscription's URL or checked address changes, and closed after a while unused.
 */
@ApplicationScoped
public class WebhookClients {

    private record Pinned(HttpClient client, String url, InetAddress address, long lastUsedNanos) {
    }

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final Map<UUID, Pinned> clients = new ConcurrentHashMap<>();

    @Inject
    public WebhookClients(Vertx vertx, NotificationSettings settings) {
        this(vertx, settings, null);
    }

    /**
     * @param trust the certificates an https endpoint's chain must lead to; null: the JDK's trust store, as in
     *     production (tests trust a certificate of their own)
     */
    WebhookClients(Vertx vertx, NotificationSettings settings, TrustOptions trust) {
        this.vertx = vertx;
        int inFlight = Math.max(1, settings.webhooks().pipelinedRequests());
        this.options = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true)
                .setPipelining(inFlight > 1).setPipeliningLimit(inFlight).setMaxPoolSize(1)
                .setConnectTimeout((int) settings.webhooks().connectTimeout().toMillis()).setVerifyHost(true)
                .setTryUseCompression(false);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
    }

    /** The subscription's client for this URL and address; only the subscription's current turn uses it. */
    HttpClient pinned(UUID subscriptionId, String url, InetAddress address) {
        Pinned current = clients.get(subscriptionId);
        if (current != null && current.url().equals(url) && current.address().equals(address)) {
            clients.put(subscriptionId, new Pinned(current.client(), url, address, System.nanoTime()));
            return current.client();
        }
        if (current != null) {
            current.client().close();
        }
        HttpClient client = vertx.createHttpClient(options);
        clients.put(subscriptionId, new Pinned(client, url, address, System.nanoTime()));
        return client;
    }

    /** Closes the clients of subscriptions that had no turn for {@code idle}, except those being served. */
    void closeIdle(Duration idle, java.util.Set<UUID> busy) {
        long now = System.nanoTime();
        clients.forEach((subscriptionId, pinned) -> {
            if (!busy.contains(subscriptionId) && now - pinned.lastUsedNanos() > idle.toNanos()
                    && clients.remove(subscriptionId, pinned)) {
                pinned.client().close();
            }
        });
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(pinned -> pinned.client().close());
        clients.clear();
    }
}
