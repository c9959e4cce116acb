package org.openipm.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the zonky embedded binaries (a real server, as its own OS process, started and stopped with
 * pg_ctl by the launcher), data kept under {@code .ipm/state/postgres} between runs. Creates the {@code openipm}
 * role and database on first start; each service creates and migrates its own schema.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Path logFile;
    private EmbeddedPostgres postgres;

    public LocalPostgres(Path dataDir, int port, Path logFile) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.logFile = logFile.toAbsolutePath();
    }

    public void start() throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        removeStalePidFile();
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                // The launcher stops PostgreSQL itself, after the services and Kafka: zonky's own hook would
                // run in parallel with ours and pull the database from under services still shutting down.
                .setRegisterShutdownHook(false)
                // Recovery after a kill -9 of the previous run can take longer than zonky's default 10 s.
                .setPGStartupWait(Duration.ofSeconds(60))
                // initdb, pg_ctl and the server write here instead of through the launcher's console.
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        createRoleAndDatabase();
    }

    /**
     * postmaster.pid left by a crash blocks the next start when its pid now belongs to another process (common
     * after a reboot, or in containers where pids are small and reused). PostgreSQL only checks that the pid is
     * alive; here the file is removed unless that pid is really a postgres.
     */
    void removeStalePidFile() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = postmasterPid(dataDir);
        if (pid.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(Processes::running);
        boolean isPostgres = process.flatMap(p -> p.info().command())
                .map(command -> command.endsWith("postgres") || command.contains("/postgres"))
                .orElse(false);
        if (isPostgres) {
            throw new IOException("A PostgreSQL server (pid " + pid.get() + ") still runs on " + dataDir
                    + ": stop it with ./ipm down (or kill -INT " + pid.get() + ")");
        }
        Files.deleteIfExists(pidFile);
    }

    /** The postmaster's pid from the first line of postmaster.pid. */
    static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void createRoleAndDatabase() throws IOException {
        // The superuser "postgres" with trust authentication comes from zonky's initdb.
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN "
                    + "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + Settings.DB_USER + "') THEN "
                    + "CREATE ROLE " + Settings.DB_USER + " LOGIN PASSWORD '" + Settings.DB_PASSWORD + "'; "
                    + "END IF; END $$");
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, Settings.DATABASE);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                // CREATE DATABASE cannot run in a DO block or a transaction: autocommit is on here.
                statement.execute("CREATE DATABASE " + Settings.DATABASE + " OWNER " + Settings.DB_USER);
            }
        } catch (SQLException e) {
            throw new IOException("Cannot create the " + Settings.DATABASE + " database: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + Settings.DATABASE;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The server process (the postmaster; its backends are its children). */
    public Optional<ProcessHandle> handle() {
        return postmasterPid(dataDir).flatMap(ProcessHandle::of);
    }

    /** pg_ctl stop -m fast: open sessions are ended, data is written out cleanly. */
    @Override
    public void close() throws IOException {
        if (postgres != null) {
            Optional<ProcessHandle> server = handle();
            postgres.close();
            // pg_ctl waits 5 s at most; if the server is still there, it gets a few more, then SIGKILL.
            server.ifPresent(p -> Processes.stop(p, "INT", Duration.ofSeconds(10)));
            postgres = null;
        }
    }
}
