package org.openipm.messaging.cases.dossier;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How dossiers are signed. */
@ConfigMapping(prefix = "openipm.dossier")
public interface DossierSettings {

    /**
     * A PEM file holding the RSA private key (PKCS#8, at least 2048 bits) that signs dossiers, read from the file
     * system or else from the class path. Without it, exports answer 503 and the key set is empty.
     */
    Optional<String> signingKeyLocation();
}
