package org.openipm.notification.source;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.openipm.events.Topics;
import org.openipm.platform.events.RecordDelivery;

/**
 * Kafka adapter for {@code seizure-matched}: unreadable records go to
 * {@code seizure-matched.dlq.notification-service}; database outages are waited out, never dead-lettered.
 * A poll's records are applied together (one transaction), see {@code RecordDelivery.deliverBatch}.
 */
@ApplicationScoped
public class SeizuresConsumer {

    private final SeizuresHandler handler;
    private final RecordDelivery delivery;

    public SeizuresConsumer(SeizuresHandler handler, RecordDelivery delivery) {
        this.handler = handler;
        this.delivery = delivery;
    }

    @Incoming(Topics.SEIZURE_MATCHED)
    @Blocking
    public CompletionStage<Void> consume(Message<List<byte[]>> batch) {
        return delivery.deliverBatch(batch, handler);
    }
}
