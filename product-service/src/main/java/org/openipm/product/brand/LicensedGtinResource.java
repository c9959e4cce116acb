package org.openipm.product.brand;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;
import org.openipm.product.domain.GtinLicence;

/** GTINs licensed to a brand one by one: an administrator verifies (PUT) or revokes (DELETE) them. */
@Path("/api/v1/brands/{id}/licensed-gtins")
public class LicensedGtinResource {

    private final LicensedGtinService licences;
    private final BrandAccess access;
    private final Caller caller;

    public LicensedGtinResource(LicensedGtinService licences, BrandAccess access, Caller caller) {
        this.licences = licences;
        this.access = access;
        this.caller = caller;
    }

    public record LicensedGtinView(String gtin, String brandId, String grantedBy, Instant grantedAt) {
        static LicensedGtinView of(GtinLicence l) {
            return new LicensedGtinView(l.gtin(), l.brandId(), l.grantedBy(), l.grantedAt());
        }
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.BRAND})
    public List<LicensedGtinView> list(@PathParam("id") String brandId) {
        access.requireManaged(brandId);
        return licences.ofBrand(brandId).stream().map(LicensedGtinView::of).toList();
    }

    @PUT
    @Path("{gtin}")
    @RolesAllowed(Roles.ADMIN)
    public Response verify(@PathParam("id") String brandId, @PathParam("gtin") String gtin) {
        var granted = licences.license(brandId, gtin, caller.subject());
        return Response.status(granted.created() ? 201 : 200).entity(LicensedGtinView.of(granted.value())).build();
    }

    @DELETE
    @Path("{gtin}")
    @RolesAllowed(Roles.ADMIN)
    public Response revoke(@PathParam("id") String brandId, @PathParam("gtin") String gtin) {
        if (!licences.revoke(brandId, gtin, caller.subject())) {
            throw ProblemException.notFound("GTIN " + gtin + " licensed to brand " + brandId);
        }
        return Response.noContent().build();
    }
}
