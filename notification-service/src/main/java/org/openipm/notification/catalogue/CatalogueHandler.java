package org.openipm.notification.catalogue;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.notification.topic.AlertTopics;
import org.openipm.platform.events.CatalogueCopyHandler;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ProductEventReader;
import org.openipm.platform.events.ReceivedEvent;

/**
 * Keeps which brand owns which product from {@code product-events}, exactly once per event, and makes sure each
 * brand that appears there has its alert topic ({@link AlertTopics}: created by the brand's first event, then
 * known).
 */
@Singleton
public class CatalogueHandler extends CatalogueCopyHandler {

    public static final String CONSUMER = "notification-service.catalogue";

    private final BrandProducts products;
    private final ProductEventReader reader;
    private final AlertTopics topics;

    public CatalogueHandler(ProcessedEventRepository processed, ProductEventReader reader, BrandProducts products,
            AlertTopics topics) {
        super(CONSUMER, processed, reader);
        this.products = products;
        this.reader = reader;
        this.topics = topics;
    }

    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        super.apply(record);
        // After the copy's commit: an outage here retries the record, whose copy is then already recorded.
        reader.snapshotOf(ReceivedEvent.of(record)).ifPresent(snapshot -> topics.ensure(snapshot.brandId()));
    }

    @Override
    protected void applySnapshot(ProductSnapshot snapshot) {
        products.apply(snapshot);
    }
}
