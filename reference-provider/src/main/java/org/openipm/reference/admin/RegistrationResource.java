package org.openipm.reference.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openipm.platform.security.Roles;
import org.openipm.reference.ReferenceProviderSettings;
import org.openipm.reference.codes.ServedGtinRepository;
import org.openipm.reference.keys.ProviderKeys;

/**
 * What OpenIPM needs to call this provider, shared secret included: the provider's operator hands it to OpenIPM's
 * administrator (here one pipe between two curl calls). Covers the brands and GTINs it has issued codes for so far:
 * registered again after codes for a new GTIN, OpenIPM asks it about those too.
 */
@Path("/admin/registration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RegistrationResource {

    public static final String ENDPOINT_PATH = "/protocol/v1/authentications";

    private final ReferenceProviderSettings settings;
    private final ProviderKeys keys;
    private final ServedGtinRepository servedGtins;

    public RegistrationResource(ReferenceProviderSettings settings, ProviderKeys keys, ServedGtinRepository servedGtins) {
        this.settings = settings;
        this.keys = keys;
        this.servedGtins = servedGtins;
    }

    @GET
    public ProviderRegistration registration() {
        return new ProviderRegistration(settings.providerId(), settings.providerName(), "HTTP",
                settings.publicUrl() + ENDPOINT_PATH, keys.sharedSecret(), settings.proposedTimeout().toMillis(),
                "ACTIVE", new ProviderRegistration.Coverage(servedGtins.brands(), servedGtins.gtins(),
                        List.of("GS1_DIGITAL_LINK")));
    }
}
