package org.openipm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.openipm.infrastructure.LocalPostgres;

/**
 * A real PostgreSQL server (the same starter as {@code ./ipm up}, in a temporary folder), started once per JVM.
 * Each service migrates its own schema into database {@code postgres}, as it does into {@code openipm} in a
 * real deployment. The test superuser's password is not checked (local trust), so it is no secret.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static LocalPostgres server;

    private PostgresServer() {
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            try {
                server = LocalPostgres.start(Files.createTempDirectory("openipm-test-postgres"), 0, false,
                        Map.of("max_connections", "300", "fsync", "off"), null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop, "postgres-stop"));
        }
        return server.jdbcUrl("postgres") + "?user=" + USER;
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
