package org.openipm.authentication.clone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openipm.authentication.provider.ProviderAccess;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/**
 * A brand's limits on verifications before a code counts as copied: the brand itself and administrators; another
 * brand gets 404, other roles 403.
 */
@Path("/api/v1/brands/{brandId}/clone-rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.BRAND })
public class CloneRulesResource {

    private final CloneRulesService service;
    private final ProviderAccess access;

    public CloneRulesResource(CloneRulesService service, ProviderAccess access) {
        this.service = service;
        this.access = access;
    }

    @GET
    public CloneRulesView get(@PathParam("brandId") String brandId) {
        access.requireBrandReader(brandId);
        return service.of(brandId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public CloneRulesView replace(@PathParam("brandId") String brandId, CloneRules rules) {
        access.requireBrandReader(brandId);
        if (rules == null) {
            throw ProblemException.badRequest("invalid-clone-rules", "a body {maxVerifications?, products?} is required");
        }
        return service.replace(brandId, rules, access.who());
    }

    @GET
    @Path("/audit")
    public List<CloneRulesAuditView> audit(@PathParam("brandId") String brandId) {
        access.requireBrandReader(brandId);
        return service.audit(brandId);
    }
}
