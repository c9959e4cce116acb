package org.openipm.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (embedded binaries, run as a separate process), started once per JVM. Each service
 * migrates its own schema into database {@code postgres}, as it does into {@code openipm} in a real deployment.
 * A test can take it down for a while ({@link #outage()}): it stops like a real server (sessions terminated, new
 * connections refused) and comes back on the same port with the same data.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static EmbeddedPostgres server;
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
            port = server.getPort();
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
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off");
            if (port != 0) {
                builder.setPort(port);
            }
            server = builder.start();
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

    private static void close(EmbeddedPostgres running) {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop the test PostgreSQL", e);
            }
        }
    }
}
