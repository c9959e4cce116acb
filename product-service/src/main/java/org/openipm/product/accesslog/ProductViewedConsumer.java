package org.openipm.product.accesslog;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.openipm.events.Topics;
import org.openipm.platform.events.RecordDelivery;

/**
 * Kafka adapter for {@code product-viewed}. A record that can never be applied (unreadable, or refused by the
 * database for its data) goes to the dead-letter topic {@code product-viewed.dlq.product-service} and the
 * consumer moves on; while the database is down the record is retried with backoff until it applies (the
 * connector pauses the partitions meanwhile), and it is acknowledged only then.
 */
@ApplicationScoped
public class ProductViewedConsumer {

    private final ProductViewedHandler handler;
    private final RecordDelivery delivery;

    public ProductViewedConsumer(ProductViewedHandler handler, RecordDelivery delivery) {
        this.handler = handler;
        this.delivery = delivery;
    }

    @Incoming(Topics.PRODUCT_VIEWED)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return delivery.deliver(message, handler);
    }
}
