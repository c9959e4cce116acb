package org.openipm.lookup.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.openipm.codes.CodeInterpreter;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/** The officer's scan: what the code is, which genuine product(s) it designates, and what looks wrong. */
@Path("/api/v1/lookup")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OFFICER, Roles.ADMIN })
public class LookupResource {

    private final LookupService lookups;
    private final Caller caller;

    public LookupResource(LookupService lookups, Caller caller) {
        this.lookups = lookups;
        this.caller = caller;
    }

    @GET
    public LookupResult lookup(@QueryParam("code") @NotEmpty(message = "a code is required")
            @Size(max = CodeInterpreter.MAX_INPUT_LENGTH) String code) {
        boolean admin = caller.isAdmin() && !caller.is(Roles.OFFICER);
        Viewer viewer = new Viewer(caller.subject(), caller.org().orElse(null), caller.country().orElse(null),
                admin && caller.country().isEmpty());
        return lookups.lookup(code, viewer);
    }
}
