package org.openipm.authentication.request;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.hibernate.Session;
import org.openipm.platform.database.ChannelListener;
import org.openipm.platform.database.DataSourceSettings;

/**
 * Tells every instance that a request was completed, whichever instance's worker recorded it: the recording
 * transaction runs {@code pg_notify}, PostgreSQL delivers it after the commit to every listener. Completion streams
 * use it to answer at once. A notice sent while this listener's connection is down is lost, so each time listening
 * (re)starts every open stream is told to look again ({@link #EVERY_REQUEST}): the streams need no polling of their
 * own, which under load would multiply with the number of officers waiting.
 */
@ApplicationScoped
public class CompletionNotices {

    static final String CHANNEL = "authentication_completed";
    /** Published when notices may have been missed: every stream checks its request again. */
    public static final UUID EVERY_REQUEST = new UUID(0, 0);

    private final BroadcastProcessor<UUID> completed = BroadcastProcessor.create();
    private final ChannelListener listener;

    public CompletionNotices(DataSourceSettings dataSource) {
        this.listener = new ChannelListener(dataSource, CHANNEL, "authentication-service completion listener",
                Duration.ofSeconds(1), () -> completed.onNext(EVERY_REQUEST), this::wake);
    }

    /**
     * Called inside the transaction that records a verdict: delivered only if it commits. Plain JDBC on the session's
     * connection: a Hibernate native query would flush and plan a query for every verdict.
     */
    public static void announce(EntityManager entityManager, UUID requestId) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, requestId.toString());
                notify.execute();
            }
        });
    }

    /** Ids of requests completed from now on, by any instance, and {@link #EVERY_REQUEST} after a gap. */
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
