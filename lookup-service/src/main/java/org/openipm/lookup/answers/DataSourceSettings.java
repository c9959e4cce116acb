package org.openipm.lookup.answers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * The datasource's connection settings, read by {@link ReadModelListener} to open its own connection beside the
 * pool (see there why). The rest of {@code quarkus.datasource.*} belongs to Quarkus and is not mapped here.
 */
@ConfigMapping(prefix = "quarkus.datasource")
public interface DataSourceSettings {

    @WithName("jdbc.url")
    String jdbcUrl();

    Optional<String> username();

    Optional<String> password();
}
