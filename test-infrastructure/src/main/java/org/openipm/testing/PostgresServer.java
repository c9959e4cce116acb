package org.openipm.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL server (embedded binaries, run as a separate process), started once per JVM. Each service
 * migrates its own schema into database {@code postgres}, as it does into {@code openipm} in a real deployment.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop, "postgres-stop"));
        }
        return server.getJdbcUrl(USER, "postgres");
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // The JVM is exiting; the data folder is temporary.
            }
            server = null;
        }
    }
}
