package org.openipm.product.infringer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a brand's list of known infringers may grow. */
@ConfigMapping(prefix = "openipm.infringers")
public interface InfringerSettings {

    /** Entries per brand; one more is 422 {@code too-many-infringers}. */
    @WithDefault("1000")
    int maxPerBrand();
}
