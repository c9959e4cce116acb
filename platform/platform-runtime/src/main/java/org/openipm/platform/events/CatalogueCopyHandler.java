package org.openipm.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductSnapshot;

/**
 * Keeps a service's copy of the catalogue from {@code product-events} exactly once per event: the event id is
 * recorded in the transaction that applies the snapshot, so a redelivery or a replay changes nothing, and the
 * service's {@link #applySnapshot} ignores a snapshot older than the one it holds, so out-of-order repeats change
 * nothing either. A service names its consumer and says where a snapshot goes; its Kafka adapter hands records to
 * {@link RecordDelivery}, which retries outages and dead-letters what {@link ProductEventReader} cannot read.
 * <p>
 * Subclasses are {@code @Singleton} beans: they need no client proxy, so their constructors can take what they use.
 */
public abstract class CatalogueCopyHandler implements RedrivableConsumer {

    private final String consumer;
    private final ProcessedEventRepository processed;
    private final ProductEventReader products;

    protected CatalogueCopyHandler(String consumer, ProcessedEventRepository processed, ProductEventReader products) {
        this.consumer = consumer;
        this.processed = processed;
        this.products = products;
    }

    /** Applies a snapshot unless the one held is newer; runs in the transaction that records the event. */
    protected abstract void applySnapshot(ProductSnapshot snapshot);

    @Override
    public String consumerName() {
        return consumer;
    }

    @Override
    public String sourceTopic() {
        return Topics.PRODUCT_EVENTS;
    }

    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        products.snapshotOf(event).ifPresent(snapshot -> QuarkusTransaction.requiringNew().run(() -> {
            if (processed.firstDelivery(event.id(), consumer)) {
                applySnapshot(snapshot);
            }
        }));
    }
}
