package org.openipm.lookup.readmodel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.platform.events.DeadLetters;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ProductEventReader;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.RedrivableConsumer;
import org.openipm.platform.events.TransientFailures;
import org.openipm.platform.events.TransientRetry;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;

/**
 * Applies product events exactly once: each event id is recorded in the same transaction as its effect, a whole
 * poll at a time. A record that can never apply (unreadable: {@link MalformedEventException}, or refused by the
 * database for its data) is set aside on the dead-letter topic; a transient failure (the database down or
 * restarting) is waited out by {@link TransientRetry} and never dead-letters anything.
 */
@ApplicationScoped
public class ProductEventHandler implements RedrivableConsumer {

    public static final String CONSUMER = "lookup-service.read-model";
    private static final Logger LOG = Logger.getLogger(ProductEventHandler.class);

    private final ProcessedEventRepository processed;
    private final ReadModelService readModel;
    private final ProductEventReader products;
    private final DeadLetters deadLetters;
    private final TransientRetry retry;

    public ProductEventHandler(ProcessedEventRepository processed, ReadModelService readModel, ProductEventReader products,
            DeadLetters deadLetters, TransientRetry retry) {
        this.deadLetters = deadLetters;
        this.processed = processed;
        this.readModel = readModel;
        this.products = products;
        this.retry = retry;
    }

    /**
     * Applies a batch in one transaction. Unreadable records are set aside first; if the transaction fails for
     * good, each record is retried in a transaction of its own so that only the culprit is set aside. A transient
     * failure at any point starts the remaining work over after a backoff (records already applied are recognised
     * by their ids), until it passes or the service stops ({@link TransientRetry.ConsumerStoppingException}: the
     * batch must then stay unacknowledged).
     */
    public void handle(List<ConsumerRecord<String, byte[]>> records) {
        List<Readable> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                readableOf(record).ifPresent(readable::add);
            } catch (MalformedEventException e) {
                retry.untilDone(CONSUMER, () -> deadLetters.send(record, e));
            }
        }
        Set<Readable> setAside = Collections.newSetFromMap(new IdentityHashMap<>());
        retry.untilDone(CONSUMER, () -> applyIsolatingPoison(readable, setAside));
    }

    private void applyIsolatingPoison(List<Readable> readable, Set<Readable> setAside) {
        List<Readable> remaining = readable.stream().filter(r -> !setAside.contains(r)).toList();
        try {
            QuarkusTransaction.requiringNew().run(() -> apply(remaining));
            return;
        } catch (RuntimeException batchFailed) {
            if (TransientFailures.isTransient(batchFailed)) {
                throw batchFailed;
            }
        }
        for (Readable one : remaining) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(List.of(one)));
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                deadLetters.send(one.record(), e);
                setAside.add(one);
            }
        }
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String sourceTopic() {
        return Topics.PRODUCT_EVENTS;
    }

    /** Re-drives one dead letter: applied in a transaction of its own, or thrown. */
    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        Optional<Readable> readable = readableOf(record);
        if (readable.isPresent()) {
            QuarkusTransaction.requiringNew().run(() -> apply(List.of(readable.get())));
        }
    }

    /** The record as a product event; empty for an event type this version does not know (not poison). */
    private Optional<Readable> readableOf(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        Optional<ProductSnapshot> snapshot = products.snapshotOf(event);
        if (snapshot.isEmpty()) {
            LOG.debugf("Ignoring event %s of type %s", event.id(), event.type());
        }
        return snapshot.map(s -> new Readable(record, event, s));
    }

    private void apply(List<Readable> batch) {
        Set<UUID> firstDeliveries = processed.firstDeliveries(batch.stream().map(r -> r.event().id()).toList(),
                CONSUMER);
        readModel.applyAll(batch.stream().filter(r -> firstDeliveries.contains(r.event().id()))
                .map(Readable::snapshot).toList());
    }

    private record Readable(ConsumerRecord<String, byte[]> record, ReceivedEvent event, ProductSnapshot snapshot) {
    }
}
