package org.openipm.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears one PostgreSQL notification channel ({@code LISTEN}) for as long as the service runs: a notification is
 * delivered only once the transaction that sent it has committed, by this instance or any other, so whoever reacts
 * reads the new state. Holds one connection of its own (not the pool's: a connection that dies here must not be
 * handed to a transaction afterwards) on its own thread, and reconnects after {@code retryDelay} when it is lost.
 *
 * <p>Notices sent while the connection is down are lost, which only the user can make up for: {@code onListening}
 * runs each time listening (re)starts, before the first notice, and {@link #isListening()} is false in between.
 */
public final class ChannelListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChannelListener.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int WAIT_MILLIS = 500;

    private final String channel;
    private final String url;
    private final Properties connectionProperties;
    private final Duration retryDelay;
    private final Runnable onListening;
    private final Consumer<String> onNotice;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection connection;

    /**
     * @param purpose named in {@code pg_stat_activity} and in log lines, for the operators
     * @param onNotice gets each notification's payload, on the listener's thread
     */
    public ChannelListener(DataSourceSettings dataSource, String channel, String purpose, Duration retryDelay,
            Runnable onListening, Consumer<String> onNotice) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a plain channel name: " + channel);
        }
        this.channel = channel;
        this.url = dataSource.jdbcUrl();
        this.connectionProperties = OwnConnections.properties(dataSource, purpose);
        this.retryDelay = retryDelay;
        this.onListening = onListening;
        this.onNotice = onNotice;
        this.thread = new Thread(this::run, purpose);
        thread.setDaemon(true);
    }

    public ChannelListener start() {
        thread.start();
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2_000);
    }

    /** True while every committed notice is being heard. */
    public boolean isListening() {
        return listening;
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

    private void run() {
        while (running) {
            try (Connection listenerConnection = DriverManager.getConnection(url, connectionProperties)) {
                connection = listenerConnection;
                try (Statement listen = listenerConnection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                PGConnection notifications = listenerConnection.unwrap(PGConnection.class);
                onListening.run();
                listening = true;
                LOG.debugf("Listening on %s", channel);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            onNotice.accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("%s: not listening on %s, retrying in %s: %s", connectionProperties.get("ApplicationName"),
                            channel, retryDelay, e.getMessage());
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
}
