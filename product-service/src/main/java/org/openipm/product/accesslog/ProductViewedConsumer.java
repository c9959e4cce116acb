package org.openipm.product.accesslog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openipm.events.product.ProductViewed;
import org.openipm.platform.events.ReceivedEvent;

/**
 * Kafka adapter for {@code product-viewed}. A record that cannot be read or applied fails here, goes to the
 * dead-letter topic {@code product-viewed.dlq.product-service}, and the consumer moves on.
 */
@ApplicationScoped
public class ProductViewedConsumer {

    private final ProductViewedHandler handler;
    private final ObjectMapper json;

    public ProductViewedConsumer(ProductViewedHandler handler, ObjectMapper json) {
        this.handler = handler;
        this.json = json;
    }

    @Incoming("product-viewed")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws IOException {
        ReceivedEvent event = ReceivedEvent.of(record);
        ProductViewed view = json.readValue(event.payload(), ProductViewed.class);
        if (view.productId() == null || view.brandId() == null || view.officer() == null || view.viewedAt() == null) {
            throw new ReceivedEvent.MalformedEventException("product-viewed " + event.id()
                    + " lacks productId, brandId, officer or viewedAt");
        }
        handler.handle(event.id(), view);
    }
}
