package org.openipm.lookup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** lookup-service's own settings ({@code openipm.lookup.*}); see the README's performance design. */
@ConfigMapping(prefix = "openipm.lookup")
public interface LookupSettings {

    /** Lookup answers kept in memory (MatchCache). */
    Cache cache();

    /**
     * Products shown in one lookup answer (the answer says {@code more} and the {@code total} beyond): an officer
     * reads a handful, and a flood of matching products must not make every answer huge.
     */
    @WithDefault("20")
    int maxProductsPerAnswer();

    /** How long to wait before reconnecting the read model listener after its connection was lost. */
    @WithDefault("1s")
    Duration listenerRetry();

    /** Safety-net reload of patterns and company prefixes; notices trigger the real reloads. */
    @WithDefault("60s")
    Duration referencesRefresh();

    interface Cache {

        /** Last resort for a listener connection that died silently: no answer is kept longer. */
        @WithDefault("60s")
        Duration maxAge();

        /** Bound on the JSON held, in characters (cards vary from a few hundred to many thousand). */
        @WithDefault("16000000")
        long maxChars();
    }
}
