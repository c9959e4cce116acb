package org.openipm.product.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What one import may hold, and how long a brand is told to wait while its previous import is not done. */
@ConfigMapping(prefix = "openipm.imports")
public interface ImportLimits {

    @WithDefault("100000")
    int maxRows();

    /** Characters per line (CSV physical line or JSON Lines object). */
    @WithDefault("65536")
    int maxLineLength();

    /** Sent as Retry-After with the 429 answering a second import while one is queued or running. */
    @WithDefault("30s")
    Duration retryAfter();
}
