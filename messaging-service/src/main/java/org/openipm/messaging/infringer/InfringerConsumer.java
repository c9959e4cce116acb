package org.openipm.messaging.infringer;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.openipm.events.Topics;
import org.openipm.platform.events.RecordDelivery;

/**
 * Kafka adapter for {@code brand-infringers}: poison goes to {@code brand-infringers.dlq.messaging-service} and the
 * consumer moves on; while the database is down a record is retried, and acknowledged only once applied.
 */
@ApplicationScoped
public class InfringerConsumer {

    private final InfringerHandler handler;
    private final RecordDelivery delivery;

    public InfringerConsumer(InfringerHandler handler, RecordDelivery delivery) {
        this.handler = handler;
        this.delivery = delivery;
    }

    @Incoming(Topics.BRAND_INFRINGERS)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return delivery.deliver(message, handler);
    }
}
