package org.openipm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openipm.events.TopicSpec;
import org.openipm.events.Topics;
import org.openipm.launcher.ComposeEnv;
import org.openipm.launcher.ServiceDefinition;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, checked without a Docker engine: Compose itself (Debian's docker-compose 1.29, which
 * {@code .ci/run} installs) reads it with the {@code .env} that {@code ./ipm compose-env} writes, and every variable
 * it gives a service is a setting that service reads.
 */
class ComposeFileTest {

    static final Path PROJECT = Path.of(System.getProperty("openipm.project.dir", "../..")).toAbsolutePath().normalize();
    private static final Path COMPOSE = PROJECT.resolve("docker-compose.yml");

    @TempDir
    Path dir;

    @Test
    void composeAcceptsTheFileWithTheEnvIpmWritesAndRefusesItWithoutOneOfItsSecrets() throws Exception {
        String composeBinary = dockerCompose();
        Path project = dir.resolve("env");
        Files.createDirectories(project);
        ComposeEnv.ensure(project, project.resolve(".ipm"));
        Path env = project.resolve(".env");

        Result valid = run(composeBinary, "-f", COMPOSE.toString(), "--project-directory", PROJECT.toString(),
                "--env-file", env.toString(), "config", "-q");
        assertThat(valid.exitCode).as(valid.output).isZero();
        assertThat(valid.output).as("no variable left unset").doesNotContain("is not set");

        String withoutOne = Files.readString(env).replaceAll("(?m)^IPM_LOOKUP_DB_PASSWORD=.*\n", "");
        Path incomplete = dir.resolve("incomplete.env");
        Files.writeString(incomplete, withoutOne);
        Result refused = run(composeBinary, "-f", COMPOSE.toString(), "--project-directory", PROJECT.toString(),
                "--env-file", incomplete.toString(), "config", "-q");
        assertThat(refused.exitCode).isNotZero();
        assertThat(refused.output).contains("IPM_LOOKUP_DB_PASSWORD");

        // The fixture: a key Compose does not know (a misspelt healthcheck) fails the same check.
        Result broken = run(composeBinary, "-f", fixture("broken-docker-compose.yml").toString(),
                "--env-file", env.toString(), "config", "-q");
        assertThat(broken.exitCode).as(broken.output).isNotZero();
        assertThat(broken.output).contains("healthchek");
    }

    @Test
    void everyVariableAServiceGetsIsASettingItReads() {
        Map<String, Object> services = services();
        List<String> problems = new ArrayList<>();
        for (ServiceDefinition definition : ServiceDefinition.ALL) {
            ServiceSettings settings = new ServiceSettings(PROJECT, definition.name());
            environment(services, definition.name()).forEach((variable, value) ->
                    settings.problemWith(variable).ifPresent(problem -> problems.add(definition.name() + ": " + problem)));
        }
        assertThat(problems).isEmpty();
        // The fixture: of three settings of lookup-service's channel product-events, the undeclared one is caught.
        Map<String, Object> fixture = services(fixture("channel-variables-docker-compose.yml"));
        ServiceSettings lookup = new ServiceSettings(PROJECT, "lookup-service");
        Map<String, String> caught = new LinkedHashMap<>();
        environment(fixture, "lookup-service").forEach((variable, value) ->
                lookup.problemWith(variable).ifPresent(problem -> caught.put(variable, problem)));
        assertThat(caught).containsOnlyKeys("MP_MESSAGING_INCOMING_PRODUCT_EVENTS_FETCH_MIN_BYTES");
        assertThat(caught.values().iterator().next()).contains("does not declare");
        // The check is not vacuous: a misspelt variable and a Kafka setting that does not exist are caught.
        ServiceSettings notification = new ServiceSettings(PROJECT, "notification-service");
        assertThat(notification.keyOf("QUARKUS_MAILER_HOST")).isPresent();
        assertThat(notification.keyOf("OPENIPM_NOTIFICATION_DELIVERY_WORKERS")).isPresent();
        assertThat(notification.keyOf("OPENIPM_NOTIFICATION_SECRETKEY")).isEmpty();
        assertThat(notification.keyOf("KAFKA_ACK")).isEmpty();
        assertThat(new ServiceSettings(PROJECT, "product-service").keyOf("QUARKUS_MAILER_HOST"))
                .as("product-service has no mailer").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void secretsComeFromEnvAndOnlyTheDossierSignerMountsAKey() {
        Map<String, Object> services = services();
        for (ServiceDefinition definition : ServiceDefinition.ALL) {
            Map<String, String> env = environment(services, definition.name());
            env.forEach((variable, value) -> {
                if (variable.matches(".*(PASSWORD|SECRET|_KEY)$")) {
                    assertThat(value).as(definition.name() + " " + variable).matches("\\$\\{IPM_[A-Z_]+:\\?[^}]+}");
                }
            });
            // Tokens are verified against the identity provider's published keys, never a mounted key file.
            assertThat(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")).as(definition.name()).startsWith("http://keycloak:8080/");
            Map<?, ?> service = (Map<?, ?>) services.get(definition.name());
            List<Object> volumes = (List<Object>) service.get("volumes");
            if (definition.name().equals("messaging-service")) {
                assertThat(volumes).containsExactly("./.ipm/state/dossier-keys:/run/secrets/dossier:ro");
            } else {
                assertThat(volumes).as(definition.name() + " mounts nothing").isNull();
            }
        }
        String compose = ServiceSettings.read(COMPOSE);
        assertThat(compose).doesNotContainPattern("(?i)(password|secret|_key):\\s*[\"']?[A-Za-z0-9+/]{8,}");
        for (String variable : ComposeEnv.GENERATED.keySet()) {
            assertThat(compose).as("compose reads what ./ipm writes").contains("${" + variable + ":?");
        }
    }

    @Test
    void topicsAreCreatedAsTheContractsSayAndEachServiceUsesItsOwnDatabaseRole() {
        Map<String, Object> services = services();
        Map<?, ?> topics = (Map<?, ?>) services.get("kafka-topics");
        String script = String.join("\n", ((List<?>) topics.get("command")).stream().map(Object::toString).toList());
        Matcher create = Pattern.compile("(?m)^create (\\S+) (\\d+)( compact)?$").matcher(script);
        List<TopicSpec> created = new ArrayList<>();
        while (create.find()) {
            created.add(new TopicSpec(create.group(1), Integer.parseInt(create.group(2)), create.group(3) != null));
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.PLATFORM_TOPICS);

        String roles = ServiceSettings.read(PROJECT.resolve("deploy/compose/postgres-roles.sh"));
        for (ServiceDefinition definition : ServiceDefinition.ALL) {
            ServiceSettings settings = new ServiceSettings(PROJECT, definition.name());
            String schema = settings.property("quarkus.flyway.schemas").orElseThrow();
            String role = environment(services, definition.name()).get("QUARKUS_DATASOURCE_USERNAME");
            String password = "IPM_" + definition.envPrefix() + "_DB_PASSWORD";
            assertThat(roles).as(definition.name()).contains("\"" + role + ":" + schema + ":" + definition.envPrefix() + "_DB_PASSWORD\"");
            assertThat(environment(services, definition.name()).get("QUARKUS_DATASOURCE_PASSWORD")).contains(password);
            assertThat(environment(services, "postgres").get(definition.envPrefix() + "_DB_PASSWORD")).contains(password);
        }
    }

    static Map<String, Object> services() {
        return services(COMPOSE);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> services(Path composeFile) {
        Map<String, Object> compose = new Yaml().load(ServiceSettings.read(composeFile));
        return (Map<String, Object>) compose.get("services");
    }

    private static Map<String, String> environment(Map<String, Object> services, String name) {
        Map<?, ?> service = (Map<?, ?>) services.get(name);
        assertThat(service).as("docker-compose.yml service " + name).isNotNull();
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<?, ?>) service.get("environment")).forEach((k, v) -> env.put(k.toString(), String.valueOf(v)));
        return env;
    }

    static Path fixture(String name) {
        return PROJECT.resolve("tools/deploy-checks/src/test/resources/fixtures").resolve(name);
    }

    /** The binary, or the test is skipped with a reason; in CI (.ci/run installs it) its absence is a failure. */
    private static String dockerCompose() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "docker-compose"))) {
                return Path.of(dir, "docker-compose").toString();
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("docker-compose is not installed: .ci/run installs it (apt-get install docker-compose)");
        }
        Assumptions.abort("docker-compose is not installed (apt-get install docker-compose): the Compose check is skipped");
        return null;
    }

    record Result(int exitCode, String output) {
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
