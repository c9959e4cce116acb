package org.openipm.messaging.catalogue;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.openipm.events.Topics;
import org.openipm.platform.events.RecordDelivery;

/**
 * Kafka adapter for {@code product-events}: a record that can never apply goes to
 * {@code product-events.dlq.messaging-service} and the consumer moves on; while the database is down the record is
 * retried with backoff and acknowledged only once applied.
 */
@ApplicationScoped
public class CatalogueConsumer {

    private final CatalogueHandler handler;
    private final RecordDelivery delivery;

    public CatalogueConsumer(CatalogueHandler handler, RecordDelivery delivery) {
        this.handler = handler;
        this.delivery = delivery;
    }

    @Incoming(Topics.PRODUCT_EVENTS)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return delivery.deliver(message, handler);
    }
}
