package org.openipm.lookup.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductViewed;
import org.openipm.platform.events.CloudEventPublisher;

/**
 * Publishes one {@code product-viewed} per product shown (ISO 22378 inspector access log), off the lookup's
 * latency path: a lookup only appends to a queue, and a single background thread drains it every few
 * milliseconds and sends what it found. The lookup never wakes that thread (at thousands of lookups per second a
 * wake-up per view cost more than the view itself). The queue is bounded so a broker outage cannot exhaust
 * memory; what is dropped or refused by the broker is counted in {@code openipm.lookup.views.failed} (tag
 * {@code reason}) for the ops team to alert on.
 */
@ApplicationScoped
public class ProductViews {

    private static final Logger LOG = Logger.getLogger(ProductViews.class);
    private static final int QUEUE_CAPACITY = 50_000;
    /** Far below the producer's own 20 ms batching delay: the access log gains nothing from draining sooner. */
    private static final long DRAIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final CloudEventPublisher publisher;
    private final ObjectMapper json;
    private final Counter published;
    private final Counter dropped;
    private final Counter refused;
    private final Queue<PendingView> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread sender = new Thread(this::drainUntilStopped, "product-viewed-publisher");
    private volatile boolean running = true;

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

    @PostConstruct
    void start() {
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * A product found only through a GTIN its brand is not known to own is not that brand's view: logging it would
     * hand a brand the scans of codes it merely claims (someone else's, perhaps), so it is left out.
     */
    public void shown(List<ProductMatch> products, Viewer viewer, String code) {
        if (products.isEmpty()) {
            return;
        }
        Instant at = Instant.now();
        for (ProductMatch product : products) {
            if (!product.verified()) {
                continue;
            }
            if (queued.incrementAndGet() > QUEUE_CAPACITY) {
                queued.decrementAndGet();
                dropped.increment();
            } else {
                pending.add(new PendingView(product.productId(), product.brandId(), viewer, code, at));
            }
        }
    }

    private void drainUntilStopped() {
        while (true) {
            boolean stopping = !running;
            PendingView view;
            while ((view = pending.poll()) != null) {
                queued.decrementAndGet();
                send(view);
            }
            if (stopping) {
                return;
            }
            LockSupport.parkNanos(DRAIN_INTERVAL_NANOS);
        }
    }

    private void send(PendingView pendingView) {
        // The event id (a SecureRandom UUID) is drawn here, off the request threads.
        ProductViewed view = new ProductViewed(UUID.randomUUID(), pendingView.productId(), pendingView.brandId(),
                pendingView.viewer().subject(), pendingView.viewer().authority(), pendingView.viewer().country(),
                pendingView.code(), pendingView.at());
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
        running = false;
        LockSupport.unpark(sender);
        sender.join(5_000);
    }

    private record PendingView(UUID productId, String brandId, Viewer viewer, String code, Instant at) {
    }
}
