package org.openipm.authentication.request;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.openipm.platform.database.ChannelListener;
import org.openipm.platform.database.DataSourceSettings;

/**
 * Tells every instance that a request was completed, whichever instance's worker recorded it: the recording
 * transaction runs {@code pg_notify}, PostgreSQL delivers it after the commit to every listener. Completion streams
 * use it to answer at once; they also re-check the database now and then, since a notice sent while this
 * listener's connection is down is lost.
 */
@ApplicationScoped
public class CompletionNotices {

    static final String CHANNEL = "authentication_completed";

    private final BroadcastProcessor<UUID> completed = BroadcastProcessor.create();
    private final ChannelListener listener;

    public CompletionNotices(DataSourceSettings dataSource) {
        this.listener = new ChannelListener(dataSource, CHANNEL, "authentication-service completion listener",
                Duration.ofSeconds(1), () -> { }, this::wake);
    }

    /** Called inside the transaction that records a verdict: delivered only if it commits. */
    public static void announce(EntityManager entityManager, UUID requestId) {
        entityManager.createNativeQuery("select pg_notify('" + CHANNEL + "', ?1)")
                .setParameter(1, requestId.toString()).getSingleResult();
    }

    /** Ids of requests completed from now on, by any instance. */
    public Multi<UUID> completions() {
        return completed;
    }

    void start(@Observes StartupEvent startup) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        listener.close();
    }

    private void wake(String payload) {
        try {
            completed.onNext(UUID.fromString(payload));
        } catch (IllegalArgumentException ignored) {
            // Not ours: nothing to wake.
        }
    }
}
