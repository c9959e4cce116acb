package org.openipm.authentication.request;

import org.openipm.platform.database.DataSourceSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance that a request was completed, whichever instance's worker recorded it: the recording
 * transaction runs {@code pg_notify}, PostgreSQL delivers it after the commit to every listener. Completion streams
 * use it to answer at once; they also re-check the database now and then, since a notice sent while this
 * listener's connection is down is lost.
 */
@ApplicationScoped
public class CompletionNotices {

    static final String CHANNEL = "authentication_completed";
    private static final Logger LOG = Logger.getLogger(CompletionNotices.class);

    private final BroadcastProcessor<UUID> completed = BroadcastProcessor.create();
    private final String url;
    private final Properties connectionProperties = new Properties();
    private volatile boolean running = true;
    private Thread thread;

    public CompletionNotices(DataSourceSettings dataSource) {
        this.url = dataSource.jdbcUrl();
        dataSource.username().ifPresent(user -> connectionProperties.setProperty("user", user));
        dataSource.password().ifPresent(secret -> connectionProperties.setProperty("password", secret));
        connectionProperties.setProperty("ApplicationName", "authentication-service completion listener");
        connectionProperties.setProperty("tcpKeepAlive", "true");
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
        thread = new Thread(this::run, "authentication-completion-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2_000);
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, connectionProperties)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(500);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            try {
                                completed.onNext(UUID.fromString(notification.getParameter()));
                            } catch (IllegalArgumentException ignored) {
                                // Not ours: nothing to wake.
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Not listening to completions (streams fall back to re-checking): %s", e.getMessage());
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
