package org.openipm.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How verified tokens and the identity provider's keys are kept (prefix {@code openipm.security}). */
@ConfigMapping(prefix = "openipm.security")
public interface SecuritySettings {

    /** How many distinct verified tokens are remembered; the memory is emptied when it is full. */
    @WithDefault("10000")
    int verifiedTokens();

    /**
     * How long the verification keys are trusted before they are loaded again (a JWKS URL is fetched anew).
     * Every verification made with the previous keys is forgotten then, so a key the identity provider no
     * longer publishes stops being accepted within this interval.
     */
    @WithDefault("10m")
    Duration keyRefreshInterval();
}
