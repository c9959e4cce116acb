package org.openipm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.openipm.deploy.ComposeFileTest.PROJECT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openipm.infrastructure.LocalPostgres;
import org.openipm.launcher.ServiceDefinition;

/**
 * The database roles of both targets, on a real PostgreSQL: docker-compose's init script (run by psql as the
 * image runs it) gives each service a role that works in its own schema and cannot touch another's; the
 * CloudNativePG cluster's bootstrap SQL runs as written.
 */
class DatabaseRolesTest {

    @TempDir
    Path dir;

    @Test
    void eachServiceRoleWorksInItsOwnSchemaOnlyAndTheClusterBootstrapSqlRuns() throws Exception {
        if (Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).noneMatch(d -> Files.isExecutable(Path.of(d, "psql")))) {
            if ("true".equals(System.getenv("CI"))) {
                fail("psql is needed: .ci/run installs postgresql-client");
            }
            Assumptions.abort("psql is not installed (apt-get install postgresql-client): the roles script is not run");
        }
        try (LocalPostgres postgres = LocalPostgres.start(dir.resolve("data"), 0, false, Map.of("fsync", "off"), dir.resolve("pg.log"))) {
            postgres.ensureDatabase("openipm", "openipm", "superuser-password");
            String superuser = postgres.jdbcUrl("openipm") + "?user=postgres";

            // CloudNativePG's bootstrap SQL, in a transaction rolled back: valid, then gone before the compose script.
            JsonNode cluster = ManifestValidator.load(PROJECT.resolve("deploy/kubernetes/postgres/cluster.yaml")).get(0);
            try (Connection connection = DriverManager.getConnection(superuser); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (JsonNode sql : cluster.path("spec").path("bootstrap").path("initdb").path("postInitApplicationSQL")) {
                    statement.execute(sql.asText());
                }
                connection.rollback();
            }

            Map<String, String> env = new HashMap<>(Map.of("POSTGRES_USER", "postgres", "POSTGRES_DB", "openipm",
                    "PGHOST", "localhost", "PGPORT", Integer.toString(postgres.port()), "KEYCLOAK_DB_PASSWORD", "kc-pw"));
            for (ServiceDefinition service : ServiceDefinition.ALL) {
                env.put(service.envPrefix() + "_DB_PASSWORD", service.shortName() + "-pw'\"; DROP");
            }
            ProcessBuilder script = new ProcessBuilder("bash", PROJECT.resolve("deploy/compose/postgres-roles.sh").toString())
                    .redirectErrorStream(true);
            script.environment().putAll(env);
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(output).isZero();

            String url = postgres.jdbcUrl("openipm");
            try (Connection product = DriverManager.getConnection(url, "product_service", env.get("PRODUCT_DB_PASSWORD"));
                 Statement statement = product.createStatement()) {
                statement.execute("CREATE TABLE catalogue (id int)"); // unqualified: its search_path is its schema
                statement.execute("INSERT INTO catalogue VALUES (1)");
                ResultSet where = statement.executeQuery("SELECT table_schema FROM information_schema.tables WHERE table_name = 'catalogue'");
                assertThat(where.next()).isTrue();
                assertThat(where.getString(1)).isEqualTo("product");
            }
            try (Connection lookup = DriverManager.getConnection(url, "lookup_service", env.get("LOOKUP_DB_PASSWORD"));
                 Statement statement = lookup.createStatement()) {
                statement.execute("CREATE TABLE read_model (id int)");
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM product.catalogue"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for schema product");
                assertThatThrownBy(() -> statement.execute("CREATE TABLE public.anything (id int)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for schema public");
                assertThatThrownBy(() -> statement.execute("CREATE SCHEMA other"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("keycloak"), "lookup_service",
                    env.get("LOOKUP_DB_PASSWORD")).close()).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            try (Connection keycloak = DriverManager.getConnection(postgres.jdbcUrl("keycloak"), "keycloak", "kc-pw");
                 Statement statement = keycloak.createStatement()) {
                statement.execute("CREATE TABLE realm (id int)");
            }
        }
    }
}
