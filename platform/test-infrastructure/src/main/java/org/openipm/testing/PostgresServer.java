package org.openipm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openipm.infrastructure.LocalPostgres;

/**
 * A real PostgreSQL server (the same starter as {@code ./ipm up}, in a temporary folder), started once per JVM.
 * Each service migrates its own schema into database {@code postgres}, as it does into {@code openipm} in a
 * real deployment. The test superuser's password is not checked (local trust), so it is no secret.
 * A test can take it down for a while ({@link #outage()}): it stops like a real server (sessions terminated, new
 * connections refused) and comes back on the same port with the same data.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Map<String, String> SETTINGS = Map.of("max_connections", "300", "fsync", "off");
    private static LocalPostgres server;
    private static Path dataDirectory;
    private static int port;

    private PostgresServer() {
    }

    public static synchronized String jdbcUrl() {
        if (dataDirectory == null) {
            try {
                dataDirectory = Files.createTempDirectory("openipm-test-postgres");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            start();
            port = server.port();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stopForGood, "postgres-stop"));
        }
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=" + USER;
    }

    /** Stops the server until the returned outage is closed; then it runs again as before. */
    public static synchronized Outage outage() {
        jdbcUrl();
        close(server);
        server = null;
        return new Outage();
    }

    /** A database outage in progress: {@link #close()} ends it and returns once the server accepts connections. */
    public static final class Outage implements AutoCloseable {
        private Outage() {
        }

        @Override
        public void close() {
            synchronized (PostgresServer.class) {
                if (server == null) {
                    start();
                }
            }
        }
    }

    private static void start() {
        try {
            // Data kept across an outage; the folder is removed when the JVM exits (stopForGood).
            server = LocalPostgres.start(dataDirectory, port, true, SETTINGS, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
        }
    }

    private static synchronized void stopForGood() {
        close(server);
        server = null;
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // The JVM is exiting; the folder is in the temporary directory.
            }
        }
    }

    private static void close(LocalPostgres running) {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop the test PostgreSQL", e);
            }
        }
    }
}
