package org.openipm.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.openipm.notification.delivery.DeliveryRepository.Claimed;
import org.openipm.notification.delivery.DeliveryRepository.Target;
import org.openipm.notification.webhook.RetrySchedule;

/**
 * One subscription's turn: its claimed deliveries in sequence order, up to the sender's limit on the wire at once,
 * their outcomes read in that order.
 * <ul>
 * <li>Successes are recorded together when the turn ends or a failure interrupts them (one commit per turn): an
 *     instance dying mid-turn sends that turn's deliveries again after the lease, with the same webhook-ids.</li>
 * <li>A delivery the endpoint answered with an error gets its own next attempt; the ones after it still go.</li>
 * <li>A delivery without an answer (refused, timed out) ends the turn: the ones behind it on the connection got
 *     no answer either (HTTP/1.1 answers come in order) and wait with the rest for the subscription's next turn.</li>
 * <li>A subscription failing without a success for {@code disableAfter} is disabled and its owner told.</li>
 * <li>A turn sends nothing new after {@code sendingTime} (half the lease): a slow endpoint's share is released for
 *     the next turn before its lease ends, so no other instance claims deliveries that are still being sent.</li>
 * </ul>
 */
final class SubscriptionTurn {

    private record Sent(Claimed delivery, Instant at, Attempt attempt) {
    }

    private final DeliveryRepository deliveries;
    private final RetrySchedule schedule;
    private final SubscriptionDisabling disabling;
    private final Duration disableAfter;
    private final Duration sendingTime;
    private final BooleanSupplier running;

    SubscriptionTurn(DeliveryRepository deliveries, RetrySchedule schedule, SubscriptionDisabling disabling,
            Duration disableAfter, Duration sendingTime, BooleanSupplier running) {
        this.deliveries = deliveries;
        this.schedule = schedule;
        this.disabling = disabling;
        this.disableAfter = disableAfter;
        this.sendingTime = sendingTime;
        this.running = running;
    }

    void run(Target target, List<Claimed> due, TurnSender sender) throws Exception {
        boolean failing = target.failing();
        List<DeliveryRepository.Success> delivered = new ArrayList<>();
        ArrayDeque<Sent> onTheWire = new ArrayDeque<>();
        int next = 0;
        long stopSendingAt = System.nanoTime() + sendingTime.toNanos();
        try {
            while (true) {
                while (running.getAsBoolean() && next < due.size() && onTheWire.size() < sender.inFlight()
                        && System.nanoTime() - stopSendingAt < 0) {
                    Claimed delivery = due.get(next++);
                    Instant at = Instant.now();
                    onTheWire.add(new Sent(delivery, at, sender.send(delivery, at)));
                }
                Sent head = onTheWire.poll();
                if (head == null) {
                    break;
                }
                Outcome outcome = head.attempt().await(sender.answerTimeout());
                if (outcome.delivered()) {
                    delivered.add(new DeliveryRepository.Success(head.delivery(), head.at(), outcome));
                    continue;
                }
                deliveries.delivered(delivered, failing);
                delivered.clear();
                failing = true;
                Optional<Instant> retry = schedule.next(head.delivery().attempts() + 1, head.at());
                Instant failingSince = deliveries.failed(head.delivery(), head.at(), outcome, retry.orElse(null));
                if (!Duration.between(failingSince, head.at()).minus(disableAfter).isNegative()) {
                    disabling.disable(target, failingSince, head.at());
                    deliveries.cancel(notAnswered(onTheWire, due, next));
                    return;
                }
                if (outcome.unreachable()) {
                    deliveries.release(notAnswered(onTheWire, due, next));
                    return;
                }
            }
            if (next < due.size()) { // stopping, or out of time: the rest waits for the next turn, here or elsewhere
                deliveries.release(notAnswered(onTheWire, due, next));
            }
        } finally {
            deliveries.delivered(delivered, failing);
        }
    }

    private static List<UUID> notAnswered(ArrayDeque<Sent> onTheWire, List<Claimed> due, int next) {
        List<UUID> ids = new ArrayList<>(onTheWire.size() + due.size() - next);
        onTheWire.forEach(sent -> ids.add(sent.delivery().id()));
        due.subList(next, due.size()).forEach(delivery -> ids.add(delivery.id()));
        return ids;
    }
}
