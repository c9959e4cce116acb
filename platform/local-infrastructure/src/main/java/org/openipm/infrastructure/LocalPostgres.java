package org.openipm.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A real PostgreSQL server (zonky's embedded binaries, its own OS process) with its data in a given directory:
 * the one server that {@code ./ipm up}, the tests and the benchmarks all start. The superuser {@code postgres}
 * connects without a password from this machine only (zonky's own start-up check needs it); application roles
 * made by {@link #ensureDatabase} need their password.
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * @param port      0 for any free port
     * @param keepData  false: the directory is deleted when the server stops (tests)
     * @param config    server settings ({@code postgresql.conf} names)
     * @param logFile   initdb, pg_ctl and server output; null for the caller's logging
     */
    public static LocalPostgres start(Path dataDir, int port, boolean keepData, Map<String, String> config,
                                      Path logFile) throws IOException {
        Files.createDirectories(dataDir);
        removeStalePidFile(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(!keepData)
                // The caller stops the server itself, in its own order (after the services that use it).
                .setRegisterShutdownHook(false)
                // Recovery after a killed run can take longer than zonky's default 10 s.
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port != 0) {
            builder.setPort(port);
        }
        config.forEach(builder::setServerConfig);
        if (logFile != null) {
            Files.createDirectories(logFile.getParent());
            builder.setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()));
        }
        return new LocalPostgres(builder.start(), dataDir);
    }

    /**
     * postmaster.pid left by a crash blocks the next start when its pid now belongs to another process (after
     * a reboot, or in containers where pids are reused): removed unless that pid is really a postgres.
     */
    private static void removeStalePidFile(Path dataDir) throws IOException {
        Optional<ProcessHandle> owner = postmaster(dataDir);
        if (owner.flatMap(p -> p.info().command()).filter(c -> c.endsWith("postgres")).isPresent()) {
            throw new IOException("A PostgreSQL server (pid " + owner.get().pid() + ") still runs on " + dataDir);
        }
        Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            String first = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates the role (or sets its password, which may have changed) and its database, and makes connections
     * over TCP as any role but the superuser authenticate with a password (SCRAM).
     */
    public void ensureDatabase(String database, String role, String password) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            boolean roleExists = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
            statement.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + quoteIdentifier(role)
                    + " LOGIN PASSWORD " + quoteLiteral(password));
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + quoteIdentifier(database) + " OWNER " + quoteIdentifier(role));
            }
            Files.writeString(dataDir.resolve("pg_hba.conf"), String.join("\n",
                    "# Written by " + LocalPostgres.class.getName() + " at each start.",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Cannot create database " + database + " for " + role + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The server process (its backends are its children). */
    public Optional<ProcessHandle> process() {
        return postmaster(dataDir);
    }

    /** pg_ctl stop -m fast: sessions are ended and the data written out cleanly; SIGKILL if it hangs. */
    @Override
    public void close() throws IOException {
        Optional<ProcessHandle> server = process();
        postgres.close();
        server.ifPresent(p -> {
            if (p.onExit().completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS).join() == null) {
                p.destroyForcibly();
            }
        });
    }
}
