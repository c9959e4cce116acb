package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ServiceDefinition.ALL is the one list of services and ports; every other place that has to name them is
 * checked against it here, so that adding, renaming or moving a service fails the build until all agree.
 */
class ServiceListTest {

    private static final Path PROJECT = Path.of(System.getProperty("openipm.project.dir", "..")).toAbsolutePath();

    @Test
    void everyServiceModuleIsInTheListAndInTheBuild() throws IOException {
        try (Stream<Path> dirs = Files.list(PROJECT)) {
            assertThat(dirs.filter(d -> d.getFileName().toString().matches(".*-(service|provider)"))
                    .filter(d -> Files.exists(d.resolve("pom.xml"))).map(d -> d.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(names());
        }
        String rootPom = read("pom.xml");
        String systemTestsPom = read("tools/system-tests/pom.xml");
        for (String name : names()) {
            assertThat(rootPom).as("root pom.xml").contains("<module>" + name + "</module>");
            assertThat(systemTestsPom).as("system-tests builds it first").contains("<artifactId>" + name + "</artifactId>");
        }
    }

    @Test
    void eachServiceListensOnItsPortAndKnowsItsName() throws IOException {
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    PROJECT.resolve(service.name()).resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            assertThat(properties.getProperty("quarkus.http.port")).as(service.name()).isEqualTo(port(service));
            assertThat(properties.getProperty("quarkus.application.name")).isEqualTo(service.name());
            assertThat(properties.stringPropertyNames()).as(service.name() + ": no default production password")
                    .noneMatch(key -> key.endsWith("datasource.password"));
        }
    }

    @Test
    void composeRunsEachServiceOnItsPortWithoutAPasswordOfItsOwn() throws IOException {
        String compose = read("docker-compose.yml");
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            assertThat(compose).contains("\n  " + service.name() + ":\n")
                    .contains("build: {context: ./" + service.name() + "}")
                    .contains("ports: [\"" + port(service) + ":8080\"]");
        }
        assertThat(compose).doesNotContainPattern("(?i)password: *[a-z0-9]").contains("${IPM_DB_PASSWORD");
    }

    @Test
    void documentationNamesTheSamePorts() throws IOException {
        String usage = read("tools/launcher/src/main/resources/ipm-usage.txt");
        String readme = read("README.md");
        String deploy = read("deploy/README.md");
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            assertThat(usage).contains(service.portEnv() + "=" + port(service));
            assertThat(readme).as("README.md").contains(service.shortName() + " " + port(service));
            assertThat(deploy).as("deploy/README.md").contains(service.shortName() + " " + port(service));
        }
    }

    private static List<String> names() {
        return ServiceDefinition.ALL.stream().map(ServiceDefinition::name).toList();
    }

    private static String port(ServiceDefinition service) {
        return Integer.toString(service.defaultPort());
    }

    private static String read(String file) throws IOException {
        return Files.readString(PROJECT.resolve(file));
    }
}
