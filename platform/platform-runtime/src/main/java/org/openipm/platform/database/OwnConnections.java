package org.openipm.platform.database;

import java.util.Properties;

/** What a connection of a component's own (beside the pool, held for long) is opened with. */
public final class OwnConnections {

    private OwnConnections() {
    }

    /**
     * The datasource's user and password, {@code purpose} as the session's name in {@code pg_stat_activity} (for the
     * operators), and client-side keepalives so that a silently dead peer is noticed.
     */
    public static Properties properties(DataSourceSettings dataSource, String purpose) {
        Properties properties = new Properties();
        dataSource.username().ifPresent(user -> properties.setProperty("user", user));
        dataSource.password().ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", purpose);
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }
}
