package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void up_flags_and_aliases() {
        Arguments args = Arguments.parse("up", "-d", "--build", "--only-infra");
        assertThat(args.command()).isEqualTo("up");
        assertThat(args.flag("--detach")).isTrue();
        assertThat(args.flag("--build")).isTrue();
        assertThat(args.flag("--infra-only")).isTrue();
        assertThat(Arguments.parse("up").flag("--detach")).isFalse();
    }

    @Test
    void token_options_in_both_forms() {
        Arguments args = Arguments.parse("token", "brand", "--org", "acme", "--country=DE", "--ttl", "5");
        assertThat(args.positional(0)).contains("brand");
        assertThat(args.option("--org")).contains("acme");
        assertThat(args.option("--country")).contains("DE");
        assertThat(args.option("--ttl")).contains("5");
        assertThat(args.option("--sub")).isEmpty();
    }

    @Test
    void logs_name_follow_and_lines() {
        Arguments args = Arguments.parse("logs", "kafka", "-f", "-n", "20");
        assertThat(args.positional(0)).contains("kafka");
        assertThat(args.flag("--follow")).isTrue();
        assertThat(args.option("--lines")).contains("20");
    }

    @Test
    void no_arguments_or_help_flags_mean_help() {
        assertThat(Arguments.parse().command()).isEqualTo("help");
        assertThat(Arguments.parse("--help").command()).isEqualTo("help");
        assertThat(Arguments.parse("up", "-h").command()).isEqualTo("help");
    }

    @Test
    void mistakes_are_usage_errors() {
        assertThatThrownBy(() -> Arguments.parse("start")).isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown command 'start'");
        assertThatThrownBy(() -> Arguments.parse("up", "--detached")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option '--detached'");
        assertThatThrownBy(() -> Arguments.parse("token", "brand", "--org")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--org needs a value");
        assertThatThrownBy(() -> Arguments.parse("token", "brand", "officer")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unexpected argument 'officer'");
        assertThatThrownBy(() -> Arguments.parse("status", "-f")).isInstanceOf(UsageException.class);
    }

    @Test
    void log_names_resolve_to_files() {
        assertThat(LogsCommand.resolve("product")).isEqualTo("product-service");
        assertThat(LogsCommand.resolve("notification-service")).isEqualTo("notification-service");
        assertThat(LogsCommand.resolve("pg")).isEqualTo("postgres");
        assertThat(LogsCommand.resolve("kafka")).isEqualTo("kafka");
        assertThatThrownBy(() -> LogsCommand.resolve("zookeeper")).isInstanceOf(UsageException.class);
    }
}
