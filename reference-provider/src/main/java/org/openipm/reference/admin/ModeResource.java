package org.openipm.reference.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openipm.platform.security.Roles;

/** The operator switches the protocol endpoint between normal, slow and failing answers, for drills and tests. */
@Path("/admin/mode")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ModeResource {

    private final ProviderMode mode;

    public ModeResource(ProviderMode mode) {
        this.mode = mode;
    }

    @GET
    public ModeSetting current() {
        return mode.current();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ModeSetting change(ModeSetting requested) {
        return mode.switchTo(requested);
    }
}
