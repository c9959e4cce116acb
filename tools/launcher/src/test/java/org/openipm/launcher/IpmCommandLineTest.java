package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command and option of ipm-usage.txt, parsed as ./ipm parses it; errors are exit code 2 with one line. */
class IpmCommandLineTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    @Test
    void upFlagsAndTheirAliases() {
        UpCommand up = parse(UpCommand.class, "up", "-d", "--build", "--infra-only");
        assertThat(up.detach).isTrue();
        assertThat(up.build).isTrue();
        assertThat(up.infraOnly).isTrue();
        assertThat(parse(UpCommand.class, "up", "--detach", "--only-infra").detach).isTrue();
        assertThat(parse(UpCommand.class, "up", "--infra").infraOnly).isTrue();
        assertThat(parse(UpCommand.class, "up", "-d", "--keycloak").keycloak).isTrue();
        UpCommand plain = parse(UpCommand.class, "up");
        assertThat(plain.detach || plain.build || plain.infraOnly || plain.daemonChild || plain.checkBuilt
                || plain.keycloak).isFalse();
    }

    @Test
    void logsNameFollowAndLines() {
        CommandLine.ParseResult logs = Ipm.commandLine(home, Map.of(), new PrintStream(out))
                .parseArgs("logs", "product", "-f", "-n", "5").subcommand();
        assertThat(logs.matchedPositionalValue(0, "")).isEqualTo("product");
        assertThat(logs.matchedOptionValue("-f", false)).isTrue();
        assertThat(logs.matchedOptionValue("--lines", 0)).isEqualTo(5);
        CommandLine.ParseResult longForms = Ipm.commandLine(home, Map.of(), new PrintStream(out))
                .parseArgs("logs", "kafka", "--follow", "--lines=20").subcommand();
        assertThat(longForms.matchedOptionValue("-n", 0)).isEqualTo(20);
    }

    @Test
    void tokenRoleAndOptionsWithDefaults() {
        TokenCommand token = parse(TokenCommand.class, "token", "brand", "--org", "acme2", "--country", "BE",
                "--sub", "bob", "--ttl", "15");
        assertThat(token.role).isEqualTo("brand");
        assertThat(token.org).isEqualTo("acme2");
        assertThat(token.country).isEqualTo("BE");
        assertThat(token.subject).isEqualTo("bob");
        assertThat(token.ttlMinutes).isEqualTo(15);
        TokenCommand defaults = parse(TokenCommand.class, "token", "officer");
        assertThat(defaults.country).isEqualTo("FR");
        assertThat(defaults.ttlMinutes).isEqualTo(60);
        assertThat(defaults.org).isNull();
    }

    @Test
    void downStatusAndHelpTakeNoOptions() {
        for (String[] args : new String[][] {{"down"}, {"status"}, {"help", "up"}}) {
            assertThat(Ipm.commandLine(home, Map.of(), new PrintStream(out)).parseArgs(args).subcommand()).isNotNull();
        }
        assertThat(run("down", "--force")).isEqualTo(2);
        assertThat(err.toString()).contains("ipm: Unknown option: '--force'");
    }

    @Test
    void helpInEveryFormPrintsTheUsage() {
        for (String[] args : new String[][] {{}, {"help"}, {"-h"}, {"--help"}, {"up", "--help"}, {"token", "-h"}}) {
            out.reset();
            assertThat(run(args)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./ipm COMMAND [OPTIONS]");
        }
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThat(run("start")).isEqualTo(2);
        assertThat(err.toString()).contains("ipm: Unmatched argument at index 0: 'start'");
        assertThat(run("up", "--detatch")).isEqualTo(2);
        assertThat(run("token")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'ROLE'");
        assertThat(run("token", "root")).isEqualTo(2);
        assertThat(err.toString()).contains("ipm: Unknown role 'root': use one of officer, brand, customs-system, ssp, admin.");
        assertThat(run("token", "brand", "--ttl", "soon")).isEqualTo(2);
        assertThat(run("token", "brand", "--ttl", "0")).isEqualTo(2);
        assertThat(run("token", "brand", "--country", "FRA")).isEqualTo(2);
        assertThat(run("token", "brand", "--org")).isEqualTo(2);
        assertThat(run("logs")).isEqualTo(2);
        assertThat(run("logs", "keycloak", "-n", "1")).isEqualTo(1); // a known name, no log yet
        assertThat(run("logs", "billing")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown log 'billing'");
        assertThat(run("logs", "kafka", "-n", "0")).isEqualTo(2);
    }

    @Test
    void statusAndDownWhenNothingRuns() {
        assertThat(run("status")).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("OpenIPM: not running")
                .containsPattern("product-service +stopped +8081")
                .contains("password in .ipm/state/db-password");
        out.reset();
        assertThat(run("down")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("OpenIPM is not running.\n");
    }

    @Test
    void logsPrintsTheLastLinesOfAComponentsLog() throws Exception {
        Files.createDirectories(home.resolve(".ipm/logs"));
        Files.writeString(home.resolve(".ipm/logs/product-service.log"), "one\ntwo\nthree\n");
        assertThat(run("logs", "product", "-n", "2")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("two\nthree\n");
        out.reset();
        assertThat(run("logs", "lookup")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("No log yet: ");
    }

    @Test
    void upRefusesWhatIsNotBuilt() {
        assertThat(run("up", "--check-built")).isEqualTo(1);
        assertThat(run("up")).isEqualTo(1);
        assertThat(err.toString()).contains("ipm: Not built: product-service, lookup-service");
        assertThat(run("up", "--infra-only", "--check-built")).isZero();
    }

    private <T> T parse(Class<T> type, String... args) {
        CommandLine.ParseResult parsed = Ipm.commandLine(home, Map.of(), new PrintStream(out)).parseArgs(args);
        return type.cast(parsed.subcommand().commandSpec().userObject());
    }

    private int run(String... args) {
        CommandLine commandLine = Ipm.commandLine(home, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
