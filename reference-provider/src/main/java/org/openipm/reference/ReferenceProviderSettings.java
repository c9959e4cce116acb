package org.openipm.reference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The reference provider's settings, prefix {@code openipm.reference-provider}. */
@ConfigMapping(prefix = "openipm.reference-provider")
public interface ReferenceProviderSettings {

    /** The provider id OpenIPM knows it by (registration, Kafka topic names). */
    @WithDefault("reference")
    String providerId();

    /** The name shown to officers and brands. */
    @WithDefault("OpenIPM reference provider")
    String providerName();

    /** The secret shared with OpenIPM ({@code whsec_<base64>}); made once and kept in the schema when not set. */
    Optional<String> sharedSecret();

    /** Key of the codes' signatures (base64, 32 bytes or more); made once and kept in the schema when not set. */
    Optional<String> issuingKey();

    /** Scheme and host of the codes this provider issues; a code under any other prefix is not its own. */
    @WithDefault("https://ref.openipm.example")
    String codeBaseUrl();

    /** Where OpenIPM reaches this provider (shown in the registration it proposes); its own port by default. */
    @WithDefault("http://localhost:${quarkus.http.port}")
    String publicUrl();

    /** A code scanned more often than this is judged SUSPECT (genuine codes are rarely checked that often). */
    @WithDefault("5")
    int suspectAfterScans();

    /** The answer time OpenIPM should allow (proposed in the registration). */
    @WithDefault("2s")
    Duration proposedTimeout();
}
