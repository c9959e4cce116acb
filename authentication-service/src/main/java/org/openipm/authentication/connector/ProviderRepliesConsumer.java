package org.openipm.authentication.connector;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.openipm.platform.events.RecordDelivery;

/**
 * Kafka adapter for every provider's reply topic ({@code ssp.<id>.replies}, one pattern subscription). A reply that
 * names no request or comes from no Kafka provider goes to {@code ssp.<id>.replies.dlq.authentication-service}.
 */
@ApplicationScoped
public class ProviderRepliesConsumer {

    static final String CHANNEL = "provider-replies";
    static final String CONSUMER = "authentication-service.provider-replies";

    private final ProviderReplyHandler handler;
    private final RecordDelivery delivery;

    public ProviderRepliesConsumer(ProviderReplyHandler handler, RecordDelivery delivery) {
        this.handler = handler;
        this.delivery = delivery;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return delivery.deliver(message, CONSUMER, handler::handle);
    }
}
