package org.openipm.notification.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One delivery on its way: its outcome once the endpoint has answered (or failed to), and a way to give up on it.
 * The wait is bounded by the caller, from the moment it starts waiting: with several requests on one connection an
 * answer can only come after the one before it, so a deadline counted from the sending would fail a slow but healthy
 * endpoint's later requests.
 */
final class Attempt {

    private final CompletableFuture<Outcome> outcome;
    private final Runnable abort;
    private final long startNanos = System.nanoTime();

    Attempt(CompletableFuture<Outcome> outcome, Runnable abort) {
        this.outcome = outcome;
        this.abort = abort;
    }

    /** An attempt that is over already (a mail handed to the server, a target refused before any sending). */
    static Attempt done(Outcome outcome) {
        return new Attempt(CompletableFuture.completedFuture(outcome), () -> {
        });
    }

    /**
     * @return the outcome, or "unreachable" when no answer came within {@code limit} (the request, and with it the
     *     connection, is then given up)
     */
    Outcome await(Duration limit) throws InterruptedException {
        try {
            return outcome.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abort.run();
            return Outcome.unreachable("no answer within " + limit.toMillis() + " ms", elapsedMillis());
        } catch (ExecutionException e) {
            return Outcome.unreachable("could not reach the endpoint: " + e.getCause().getClass().getSimpleName(),
                    elapsedMillis());
        }
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
