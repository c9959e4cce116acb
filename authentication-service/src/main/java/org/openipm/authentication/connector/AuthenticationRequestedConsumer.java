package org.openipm.authentication.connector;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.openipm.events.Topics;
import org.openipm.platform.events.RecordDelivery;

/**
 * Kafka adapter of the connector workers. A record that can never be handled goes to
 * {@code authentication-requested.dlq.authentication-service} and the next one is served; each database step is
 * retried through transient failures (never dead-lettered), and the record is acknowledged once its verdict is
 * recorded.
 */
@ApplicationScoped
public class AuthenticationRequestedConsumer {

    private final AuthenticationWorker worker;
    private final RecordDelivery delivery;

    public AuthenticationRequestedConsumer(AuthenticationWorker worker, RecordDelivery delivery) {
        this.worker = worker;
        this.delivery = delivery;
    }

    @Incoming(Topics.AUTHENTICATION_REQUESTED)
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return delivery.deliver(message, AuthenticationWorker.CONSUMER, worker::process);
    }
}
