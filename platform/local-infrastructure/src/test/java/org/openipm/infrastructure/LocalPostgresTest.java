package org.openipm.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void applicationRoleNeedsItsPasswordWhichSurvivesARestartAndCanChange() throws Exception {
        Path data = dir.resolve("postgres");
        try (LocalPostgres postgres = LocalPostgres.start(data, 0, true, Map.of(), dir.resolve("pg.log"))) {
            postgres.ensureDatabase("openipm", "openipm", "first-secret");
            assertThat(canConnect(postgres.jdbcUrl("openipm"), "first-secret")).isTrue();
            assertThatThrownBy(() -> connect(postgres.jdbcUrl("openipm"), "openipm"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        try (LocalPostgres postgres = LocalPostgres.start(data, 0, true, Map.of(), dir.resolve("pg.log"))) {
            assertThat(canConnect(postgres.jdbcUrl("openipm"), "first-secret")).as("data kept").isTrue();
            postgres.ensureDatabase("openipm", "openipm", "second-secret");
            assertThat(canConnect(postgres.jdbcUrl("openipm"), "second-secret")).isTrue();
            assertThatThrownBy(() -> connect(postgres.jdbcUrl("openipm"), "first-secret"))
                    .isInstanceOf(SQLException.class);
        }
    }

    private static boolean canConnect(String url, String password) throws SQLException {
        try (Connection ignored = connect(url, password)) {
            return true;
        }
    }

    private static Connection connect(String url, String password) throws SQLException {
        return DriverManager.getConnection(url, "openipm", password);
    }
}
