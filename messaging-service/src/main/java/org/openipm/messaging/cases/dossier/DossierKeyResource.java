package org.openipm.messaging.cases.dossier;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Map;

/**
 * The public keys that verify dossiers, open to anyone (a prosecutor has no OpenIPM account): a JWK set (RFC 7517)
 * whose key ids are the {@code kid} of the dossiers' JWS headers.
 */
@Path("/.well-known/jwks.json")
@PermitAll
public class DossierKeyResource {

    private final DossierSigner signer;

    public DossierKeyResource(DossierSigner signer) {
        this.signer = signer;
    }

    @GET
    @Produces("application/jwk-set+json")
    public Map<String, Object> keys() {
        return signer.keySet();
    }
}
