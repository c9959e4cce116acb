package org.openipm.product.accesslog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductViewed;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;
import org.openipm.platform.events.RedrivableConsumer;

/**
 * Records a view in the brand's access log, once per event however often it is delivered (live or re-driven from
 * the dead-letter topic).
 */
@ApplicationScoped
public class ProductViewedHandler implements RedrivableConsumer {

    static final String CONSUMER = "product-service.access-log";

    private final ProcessedEventRepository processed;
    private final AccessLogRepository log;
    private final ObjectMapper json;

    public ProductViewedHandler(ProcessedEventRepository processed, AccessLogRepository log, ObjectMapper json) {
        this.processed = processed;
        this.log = log;
        this.json = json;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String sourceTopic() {
        return Topics.PRODUCT_VIEWED;
    }

    /** Applies the record in a transaction of its own; throws {@link MalformedEventException} when unreadable. */
    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        ProductViewed view = viewOf(event);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!processed.firstDelivery(event.id(), CONSUMER)) {
                return;
            }
            AccessLogEntry entry = new AccessLogEntry();
            entry.viewId = view.viewId() == null ? event.id() : view.viewId();
            entry.productId = view.productId();
            entry.brandId = view.brandId();
            entry.officer = view.officer();
            entry.authority = view.authority();
            entry.country = view.country();
            entry.code = view.code();
            entry.viewedAt = view.viewedAt();
            log.persist(entry);
        });
    }

    private ProductViewed viewOf(ReceivedEvent event) {
        ProductViewed view = event.payloadAs(json, ProductViewed.class);
        if (view.productId() == null || view.brandId() == null || view.officer() == null || view.viewedAt() == null) {
            throw new MalformedEventException("product-viewed " + event.id()
                    + " lacks productId, brandId, officer or viewedAt");
        }
        return view;
    }
}
