package org.openipm.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import org.openipm.notification.delivery.DeliveryRepository.Claimed;

/**
 * How one subscription's turn sends its deliveries: at most {@link #inFlight()} at once, their outcomes read in
 * sequence order. A webhook turn puts several on one connection (HTTP/1.1 pipelining keeps them in order on the
 * wire); a mail turn sends one at a time.
 */
interface TurnSender extends AutoCloseable {

    /** Deliveries sent and not yet answered, at most. */
    int inFlight();

    /** How long to wait for an answer once it is the next one due. */
    Duration answerTimeout();

    Attempt send(Claimed delivery, Instant at);

    /** Ends the turn; the connection may stay open for the subscription's next turn. */
    @Override
    default void close() {
    }
}
