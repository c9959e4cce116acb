package org.openipm.product.brand;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.openipm.platform.security.Roles;

/** The administrators' queue: every brand's prefix proposals awaiting a decision, oldest first. */
@Path("/api/v1/admin/prefix-requests")
public class PendingPrefixRequestResource {

    private final CompanyPrefixService prefixes;

    public PendingPrefixRequestResource(CompanyPrefixService prefixes) {
        this.prefixes = prefixes;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<PrefixRequestView> pending() {
        return prefixes.pending().stream().map(PrefixRequestView::of).toList();
    }
}
