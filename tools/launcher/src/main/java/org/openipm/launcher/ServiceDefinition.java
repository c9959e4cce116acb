package org.openipm.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform's services: the one list of names and default ports. The launcher, the system tests and the
 * usage text read it from here; {@code ServiceListTest} fails when the root pom, docker-compose, the READMEs or
 * a service's {@code application.properties} say otherwise.
 */
public record ServiceDefinition(String name, int defaultPort) {

    public static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("product-service", 8081),
            new ServiceDefinition("lookup-service", 8082),
            new ServiceDefinition("authentication-service", 8083),
            new ServiceDefinition("messaging-service", 8084),
            new ServiceDefinition("notification-service", 8085),
            // Not a platform service: the security solution provider that ships with OpenIPM, started alongside.
            new ServiceDefinition("reference-provider", 8086));

    /** "product" for product-service: accepted wherever a service is named. */
    public String shortName() {
        return name.substring(0, name.indexOf('-'));
    }

    /** Prefix of the service's variables: {@code IPM_PRODUCT_PORT}, {@code PRODUCT_DB_URL}... */
    public String envPrefix() {
        return shortName().toUpperCase(Locale.ROOT);
    }

    public String portEnv() {
        return "IPM_" + envPrefix() + "_PORT";
    }

    /** The module directory has the service's name. */
    public Path jar(Path projectDir) {
        return projectDir.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static Optional<ServiceDefinition> byName(String name) {
        return ALL.stream().filter(s -> s.name.equals(name) || s.shortName().equals(name)).findFirst();
    }
}
