package org.openipm.lookup.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductViewed;
import org.openipm.lookup.lookup.ProductMatch;
import org.openipm.lookup.lookup.Viewer;
import org.openipm.platform.events.CloudEventPublisher;

/**
 * Publishes one {@code product-viewed} per product shown (ISO 22378 inspector access log), off the lookup's
 * latency path: a lookup only enqueues, a single background thread serialises and sends. The queue is bounded so
 * a broker outage cannot exhaust memory; what is dropped or refused by the broker is counted in
 * {@code openipm.lookup.views.failed} (tag {@code reason}) for the ops team to alert on.
 */
@ApplicationScoped
public class ProductViews {

    private static final Logger LOG = Logger.getLogger(ProductViews.class);
    private static final int QUEUE_CAPACITY = 50_000;

    private final CloudEventPublisher publisher;
    private final ObjectMapper json;
    private final Counter published;
    private final Counter dropped;
    private final Counter refused;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY), r -> new Thread(r, "product-viewed-publisher"));

    public ProductViews(CloudEventPublisher publisher, ObjectMapper json, MeterRegistry metrics) {
        this.publisher = publisher;
        this.json = json;
        this.published = Counter.builder("openipm.lookup.views.published")
                .description("product-viewed events acknowledged by the broker").register(metrics);
        this.dropped = Counter.builder("openipm.lookup.views.failed").tag("reason", "queue-full")
                .description("product-viewed events lost before reaching the broker").register(metrics);
        this.refused = Counter.builder("openipm.lookup.views.failed").tag("reason", "broker")
                .description("product-viewed events lost before reaching the broker").register(metrics);
    }

    public void shown(List<ProductMatch> products, Viewer viewer, String code) {
        if (products.isEmpty()) {
            return;
        }
        Instant at = Instant.now();
        for (ProductMatch product : products) {
            try {
                // The event id (a SecureRandom UUID) is drawn on the sender thread: it is the costliest part.
                sender.execute(() -> send(new ProductViewed(UUID.randomUUID(), product.productId(), product.brandId(),
                        viewer.subject(), viewer.authority(), viewer.country(), code, at)));
            } catch (RejectedExecutionException e) {
                dropped.increment();
            }
        }
    }

    private void send(ProductViewed view) {
        try {
            publisher.publish(Topics.PRODUCT_VIEWED, view.productId().toString(), view.viewId(),
                    EventTypes.PRODUCT_VIEWED, view.viewedAt(), json.writeValueAsBytes(view))
                    .whenComplete((metadata, failure) -> {
                        if (failure == null) {
                            published.increment();
                        } else {
                            refused.increment();
                            LOG.warnf("product-viewed %s not published: %s", view.viewId(), failure.getMessage());
                        }
                    });
        } catch (Exception e) {
            refused.increment();
            LOG.warnf("product-viewed %s not published: %s", view.viewId(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        // Lets the queued views reach the producer before it closes.
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
