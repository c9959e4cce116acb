package org.openipm.platform.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/**
 * The datasource's connection settings, for a service that opens one connection of its own beside the pool (a
 * PostgreSQL LISTEN must hold its connection for as long as it listens, which a pooled one must not). The rest of
 * {@code quarkus.datasource.*} belongs to Quarkus and is not mapped here.
 */
@ConfigMapping(prefix = "quarkus.datasource")
public interface DataSourceSettings {

    @WithName("jdbc.url")
    String jdbcUrl();

    Optional<String> username();

    Optional<String> password();

    /** What the pool's connections are opened with besides (such as {@code currentSchema}): an own connection too. */
    @WithName("jdbc.additional-jdbc-properties")
    Map<String, String> additionalJdbcProperties();
}
