package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up -d --infra-only}, {@code status}, {@code logs}, {@code down} for real: a background launcher starts
 * Kafka and PostgreSQL on free ports in a temporary project, and the other commands find and stop it.
 */
class UpDownTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();
    private Map<String, String> env;

    @Test
    void upInTheBackgroundThenStatusLogsAndDown() throws Exception {
        env = Map.of("IPM_KAFKA_PORT", Integer.toString(freePort()), "IPM_KAFKA_CONTROLLER_PORT",
                Integer.toString(freePort()), "IPM_POSTGRES_PORT", Integer.toString(freePort()));

        assertThat(run("up", "-d", "--infra-only")).as(output()).isZero();
        assertThat(output()).contains("OpenIPM infrastructure is ready in", "OpenIPM runs in the background");
        assertThat(Files.readString(home.resolve(".ipm/state/db-password"))).isNotBlank();
        assertThat(Files.readString(home.resolve(".env"))).startsWith("# Written by ./ipm for docker-compose")
                .contains("IPM_DB_PASSWORD=" + Files.readString(home.resolve(".ipm/state/db-password")).trim() + "\n");

        assertThat(run("up", "-d", "--infra-only")).isEqualTo(1);
        assertThat(err.toString()).contains("OpenIPM is already running");

        assertThat(run("status")).as(output()).isZero();
        assertThat(output()).contains("OpenIPM: ready")
                .containsPattern("postgres +ready +" + env.get("IPM_POSTGRES_PORT"))
                .containsPattern("kafka +ready +" + env.get("IPM_KAFKA_PORT"))
                .containsPattern("product-service +stopped +8081");

        assertThat(run("logs", "ipm", "-n", "3")).isZero();
        assertThat(output()).contains("Stop with ./ipm down.");

        assertThat(run("down")).as(output()).isZero();
        assertThat(output()).contains("Stopping OpenIPM", "Stopped in");
        assertThat(run("logs", "ipm")).isZero();
        assertThat(output()).contains("Kafka stopped", "PostgreSQL stopped");
        assertThat(run("status")).isEqualTo(3);
        assertThat(output()).contains("OpenIPM: not running");
    }

    @AfterEach
    void stopWhatIsLeft() {
        if (env != null) {
            run("down");
        }
    }

    private int run(String... args) {
        out.reset();
        var commandLine = Ipm.commandLine(home, env, new PrintStream(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
