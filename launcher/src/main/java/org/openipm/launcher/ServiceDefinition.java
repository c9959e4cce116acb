package org.openipm.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One of the platform's services as the launcher knows it: module directory, default port, and the prefix of its
 * environment variables ({@code IPM_<PREFIX>_PORT}, {@code <PREFIX>_DB_URL}...).
 */
public record ServiceDefinition(String name, int defaultPort, String envPrefix) {

    public static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("product-service", 8081, "PRODUCT"),
            new ServiceDefinition("lookup-service", 8082, "LOOKUP"),
            new ServiceDefinition("authentication-service", 8083, "AUTHENTICATION"),
            new ServiceDefinition("messaging-service", 8084, "MESSAGING"),
            new ServiceDefinition("notification-service", 8085, "NOTIFICATION"));

    /** The module directory has the service's name. */
    public String module() {
        return name;
    }

    public String portEnv() {
        return "IPM_" + envPrefix + "_PORT";
    }

    public Path jar(Path projectDir) {
        return projectDir.resolve(module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Accepts the full name or its first word ("product" for product-service). */
    public static Optional<ServiceDefinition> byName(String name) {
        return ALL.stream()
                .filter(s -> s.name.equals(name) || s.name.equals(name + "-service"))
                .findFirst();
    }
}
