package org.openipm.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.openipm.notification.NotificationSettings;
import org.openipm.notification.delivery.DeliveryRepository.Claimed;
import org.openipm.notification.delivery.DeliveryRepository.Target;
import org.openipm.notification.webhook.RetrySchedule;

/**
 * Sends due deliveries. One loop claims them from PostgreSQL (the only state: a restart resumes from the table) and
 * gives each subscription's share, in sequence order, to a bounded pool of worker threads, one subscription per
 * worker at a time:
 * <ul>
 * <li>in order per subscription while its endpoint answers, because one worker sends them in sequence order on one
 *     connection ({@link SubscriptionTurn}) and the subscription is not claimed again until that turn ends;</li>
 * <li>a failed delivery gets its own next attempt (RetrySchedule) and the ones after it still go;</li>
 * <li>a slow or dead endpoint holds one worker for at most one request timeout per turn (its turn ends at the first
 *     delivery that gets no answer; the rest are released and the subscription is not claimed again until that
 *     delivery's next attempt is due, so a dead endpoint costs one attempt per retry step, not one per delivery),
 *     never the other subscriptions, as long as fewer than {@code workers} endpoints hang at the same moment.</li>
 * </ul>
 * A subscription failing without a success for {@code disable-after} is disabled and its owner told.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    /** A subscription's connection is kept this long after its last turn. */
    private static final Duration IDLE_CONNECTION = Duration.ofMinutes(1);

    private final DeliveryRepository deliveries;
    private final WebhookSender webhooks;
    private final EmailSender emails;
    private final NotificationSettings.Delivery settings;
    private final WebhookClients webhookClients;
    private final SubscriptionTurn turns;
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;

    public DeliveryDispatcher(DeliveryRepository deliveries, WebhookSender webhooks, WebhookClients webhookClients,
            EmailSender emails, SubscriptionDisabling disabling, RetrySchedule schedule, NotificationSettings settings) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.webhookClients = webhookClients;
        this.emails = emails;
        this.settings = settings.delivery();
        this.turns = new SubscriptionTurn(deliveries, schedule, disabling, this.settings.disableAfter(),
                this.settings.lease().dividedBy(2), () -> running);
    }

    void onStart(@Observes StartupEvent startup) {
        start();
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    /** Wakes the loop once a transaction that queued deliveries has committed. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        wake.release();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger number = new AtomicInteger();
        workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "delivery-worker-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        loop = new Thread(this::run, "delivery-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    /** Stops claiming, lets the turns under way finish (their unsent deliveries are released), then returns. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake.release();
        try {
            loop.join(10_000);
            workers.shutdown();
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            int claimed = 0;
            try {
                claimed = dispatchDue();
            } catch (Exception e) {
                // The database is away: nothing is lost (the rows wait), try again after the interval.
                LOG.warnf("Deliveries not claimed: %s", e.toString());
            }
            webhookClients.closeIdle(IDLE_CONNECTION, busy);
            if (claimed < settings.claimBatch()) {
                try {
                    wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private int dispatchDue() throws Exception {
        List<Claimed> claimed = deliveries.claimDue(List.copyOf(busy), settings.claimBatch(),
                settings.perSubscriptionBatch(), settings.lease());
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<UUID, List<Claimed>> bySubscription = new LinkedHashMap<>();
        for (Claimed delivery : claimed) {
            bySubscription.computeIfAbsent(delivery.subscriptionId(), id -> new ArrayList<>()).add(delivery);
        }
        Map<UUID, Target> targets = deliveries.targets(bySubscription.keySet());
        for (Map.Entry<UUID, List<Claimed>> turn : bySubscription.entrySet()) {
            List<Claimed> due = turn.getValue();
            due.sort(Comparator.comparingLong(Claimed::sequence));
            UUID subscriptionId = turn.getKey();
            Target target = targets.get(subscriptionId);
            List<Claimed> share = List.copyOf(due);
            busy.add(subscriptionId);
            workers.execute(() -> {
                try {
                    turn(target, share);
                } catch (Exception e) {
                    LOG.warnf("Deliveries of subscription %s stopped: %s (they are sent again after their lease)",
                            subscriptionId, e.toString());
                } finally {
                    busy.remove(subscriptionId);
                    wake.release(); // its next deliveries may be due already
                }
            });
        }
        return claimed.size();
    }

    private void turn(Target target, List<Claimed> due) throws Exception {
        if (target == null) {
            return; // deleted meanwhile; its deliveries went with it
        }
        if (!target.enabled()) {
            deliveries.cancel(due.stream().map(Claimed::id).toList());
            return;
        }
        try (TurnSender sender = target.channel() == Channel.WEBHOOK ? webhooks.begin(target, Instant.now())
                : emails.begin(target)) {
            turns.run(target, due, sender);
        }
    }
}
