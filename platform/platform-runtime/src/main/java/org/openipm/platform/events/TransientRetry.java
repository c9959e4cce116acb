package org.openipm.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's work until it succeeds, waiting out transient failures (see {@link TransientFailures}) with
 * exponential backoff. Meanwhile the Kafka connector keeps polling and pauses the partitions, so the consumer stays
 * in its group and resumes by itself once the database or broker is back. A permanent failure is thrown at once for
 * the caller to set the record aside.
 * <p>
 * When the service stops, the wait ends with {@link ConsumerStoppingException}: the caller then leaves the record
 * unacknowledged, so it is delivered again after the restart rather than dead-lettered.
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final ConsumerSettings.Retry settings;
    private final MeterRegistry metrics;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public TransientRetry(ConsumerSettings settings, MeterRegistry metrics) {
        this.settings = settings.retry();
        this.metrics = metrics;
    }

    /** Runs the work until it passes; throws its permanent failure, or {@link ConsumerStoppingException}. */
    public void untilDone(String consumer, Runnable work) {
        Backoff backoff = new Backoff(settings.initialDelay(), settings.maxDelay());
        Counter retries = metrics.counter("openipm.consumer.retries", "consumer", consumer);
        for (int attempt = 1;; attempt++) {
            if (stopping.getCount() == 0) {
                throw new ConsumerStoppingException();
            }
            try {
                work.run();
                if (attempt > 1) {
                    LOG.infof("%s resumed after %d attempts", consumer, attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                Duration delay = backoff.failed();
                retries.increment();
                if (attempt == 1 || delay.equals(settings.maxDelay())) {
                    LOG.warnf("%s cannot apply its events for now (attempt %d, next in %d ms): %s", consumer,
                            attempt, delay.toMillis(), e.getMessage());
                }
                await(delay);
            }
        }
    }

    private void await(Duration delay) {
        try {
            if (stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ConsumerStoppingException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumerStoppingException();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
    }

    /** The service is stopping while the work still fails: leave the record for the next start. */
    public static class ConsumerStoppingException extends RuntimeException {
        public ConsumerStoppingException() {
            super("The service is stopping; the record is left unacknowledged and will be delivered again", null,
                    false, false);
        }
    }
}
