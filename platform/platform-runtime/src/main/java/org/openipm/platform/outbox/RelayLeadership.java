package org.openipm.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.openipm.platform.database.DataSourceSettings;
import org.openipm.platform.database.OwnConnections;

/**
 * The relay's own connection, in autocommit, and the session advisory lock on it that makes its instance the one
 * that relays. The lock lives as long as the connection: when the instance stops or dies, PostgreSQL ends the session
 * and the next instance's relay takes the lock at its next cycle.
 * <p>
 * Why not a pooled connection and a lock per transaction: each relay cycle would cost a {@code BEGIN}, the lock,
 * the read, the delete and a {@code COMMIT}, for every commit of the service; here a cycle is the read and the
 * delete. A connection the database dropped is never handed to anyone else: it is closed, and the lock with it.
 * <p>
 * An instance whose host vanishes without closing its socket would keep the lock until PostgreSQL noticed: the session
 * asks the server for TCP keepalives every few seconds, so that takes well under a minute, not the system's default
 * two hours.
 * <p>
 * Used by the relay's thread alone (the relay's methods that use it are synchronized).
 */
final class RelayLeadership implements AutoCloseable {

    /** Server side: a silent peer is dropped after about 10 + 3 x 5 seconds. */
    private static final String KEEPALIVES =
            "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3";

    private final String url;
    private final Properties properties;
    private final long lockKey;
    private Connection connection;
    private boolean leading;

    RelayLeadership(DataSourceSettings dataSource, String service) {
        this.url = dataSource.jdbcUrl();
        this.lockKey = lockKeyOf(service);
        this.properties = OwnConnections.properties(dataSource, applicationNameOf(service));
        dataSource.additionalJdbcProperties().forEach(properties::putIfAbsent); // the schema among them
        properties.setProperty("options", KEEPALIVES);
    }

    /** The advisory lock a service's relays compete for. */
    static long lockKeyOf(String service) {
        return ("outbox:" + service).hashCode();
    }

    /** How the relay's session is named in {@code pg_stat_activity}. */
    static String applicationNameOf(String service) {
        return service + " outbox relay (lock holder)";
    }

    /**
     * The connection to relay on while this instance leads; null while another instance holds the lock. Connects (and
     * tries the lock) when needed; a failure here is the database's, and the caller backs off.
     */
    Connection whileLeading() throws SQLException {
        if (connection == null || connection.isClosed()) {
            drop();
            connection = DriverManager.getConnection(url, properties);
        }
        if (!leading) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, lockKey);
                try (ResultSet result = lock.executeQuery()) {
                    // Taken once: the lock counts how often its session took it.
                    leading = result.next() && result.getBoolean(1);
                }
            }
        }
        return leading ? connection : null;
    }

    /** Gives up the connection and the lock with it, after a database error or at shutdown. */
    void drop() {
        leading = false;
        Connection dropped = connection;
        connection = null;
        if (dropped != null) {
            try {
                dropped.close();
            } catch (SQLException ignored) {
                // The session is gone either way, and its lock with it.
            }
        }
    }

    @Override
    public void close() {
        drop();
    }
}
