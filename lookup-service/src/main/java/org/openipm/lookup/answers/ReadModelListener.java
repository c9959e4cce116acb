package org.openipm.lookup.answers;

import org.openipm.platform.database.DataSourceSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.openipm.lookup.LookupSettings;
import org.openipm.lookup.readmodel.ReadModelNotice;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears every change applied to the shared read model, by this instance or any other, through PostgreSQL
 * {@code LISTEN}: a notification is delivered only once the applying transaction has committed, so whoever reacts
 * to it reads the new state. Holds one connection of its own (not the pool's: a connection that dies here must
 * not be handed to a transaction afterwards) on its own thread.
 *
 * <p>While the connection is down, notices may be missed: {@link #isListening()} turns false (caches must then
 * neither serve nor keep anything) and, once listening again, a notice to forget everything is fired first.
 */
@ApplicationScoped
public class ReadModelListener {

    private static final Logger LOG = Logger.getLogger(ReadModelListener.class);
    private static final int WAIT_MILLIS = 500;

    private final String url;
    private final Properties connectionProperties = new Properties();
    private final Event<ReadModelNotice> notices;
    private final Duration retryDelay;
    private volatile boolean listening;
    private volatile boolean running = true;
    private volatile Connection connection;
    private Thread thread;

    public ReadModelListener(Event<ReadModelNotice> notices, DataSourceSettings dataSource, LookupSettings settings) {
        this.url = dataSource.jdbcUrl();
        dataSource.username().ifPresent(user -> connectionProperties.setProperty("user", user));
        dataSource.password().ifPresent(secret -> connectionProperties.setProperty("password", secret));
        // Named in pg_stat_activity for the operators; keepalives let a silently dead peer be noticed.
        connectionProperties.setProperty("ApplicationName", "lookup-service read model listener");
        connectionProperties.setProperty("tcpKeepAlive", "true");
        this.notices = notices;
        this.retryDelay = settings.listenerRetry();
    }

    void start(@Observes StartupEvent startup) {
        thread = new Thread(this::run, "read-model-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2_000);
    }

    /** True while every committed change is being heard. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        while (running) {
            try (Connection listenerConnection = DriverManager.getConnection(url, connectionProperties)) {
                connection = listenerConnection;
                try (Statement listen = listenerConnection.createStatement()) {
                    listen.execute("LISTEN " + ReadModelNotice.CHANNEL);
                }
                PGConnection notifications = listenerConnection.unwrap(PGConnection.class);
                // Whatever changed while nobody listened is unknown: forget it all before serving from caches again.
                notices.fire(ReadModelNotice.ofEverything());
                listening = true;
                LOG.debug("Listening to read model changes");
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            notices.fire(ReadModelNotice.parse(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Not listening to read model changes (lookups bypass their cache until it is back): %s",
                            e.getMessage());
                }
            } finally {
                listening = false;
                connection = null;
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The backend process id of the listening connection, for operators (and tests) who need to find it. */
    public Integer backendPid() {
        Connection current = connection;
        try {
            return current == null ? null : current.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return null;
        }
    }
}
