package org.openipm.messaging.cases.workflow;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PostgresServer;

/**
 * Like PlatformTestResource, but every application instance that uses it gets the very same PostgreSQL server and
 * broker: each Quarkus restart loads the test classes (and their statics) anew, so the first instance's addresses
 * are handed on through JVM system properties. The servers are processes of their own and outlive a restart.
 * The first half of a restart scenario runs in the module's default instance (PlatformTestResource, no restart of
 * its own) and hands that instance's servers on with {@link #handOnThisInstancesServers()}.
 */
public class SharedInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String JDBC_URL = "openipm.test.shared.jdbc-url";
    private static final String BOOTSTRAP = "openipm.test.shared.bootstrap-servers";

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (System.getProperty(JDBC_URL) == null) {
                System.setProperty(JDBC_URL, PostgresServer.jdbcUrl());
                System.setProperty(BOOTSTRAP, KafkaBroker.bootstrapServers());
            }
        }
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers(),
                "quarkus.datasource.jdbc.url", System.getProperty(JDBC_URL),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    /**
     * Makes the servers of the instance running the caller (its PlatformTestResource's) the ones the restarted
     * instance gets; unless an instance already handed its own on.
     */
    public static void handOnThisInstancesServers() {
        synchronized (System.class) {
            if (System.getProperty(JDBC_URL) == null) {
                System.setProperty(JDBC_URL, PostgresServer.jdbcUrl());
                System.setProperty(BOOTSTRAP, KafkaBroker.bootstrapServers());
            }
        }
    }

    static String bootstrapServers() {
        return System.getProperty(BOOTSTRAP);
    }

    @Override
    public void stop() {
        // The servers go with the JVM (see KafkaBroker and PostgresServer).
    }
}
