package org.openipm.notification.catalogue;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.openipm.events.Topics;
import org.openipm.platform.events.RecordDelivery;

/**
 * Kafka adapter for {@code product-events}: unreadable records go to
 * {@code product-events.dlq.notification-service}; database outages are waited out, never dead-lettered.
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
