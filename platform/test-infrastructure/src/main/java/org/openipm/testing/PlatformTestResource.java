package org.openipm.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the real broker and database of this JVM. Nothing is stopped
 * here: the broker and the server outlive one application restart and go with the JVM.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", KafkaBroker.bootstrapServers(),
                "quarkus.datasource.jdbc.url", PostgresServer.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // Shared for the JVM's lifetime; see KafkaBroker and PostgresServer.
    }
}
