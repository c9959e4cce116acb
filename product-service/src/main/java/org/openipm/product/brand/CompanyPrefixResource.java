package org.openipm.product.brand;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;
import org.openipm.product.Versions;
import org.openipm.product.domain.BrandDetails;

/**
 * A brand proposes the GS1 company prefixes of its licence; an administrator approves or rejects each proposal.
 * A brand sees only its own requests (404 for another brand's).
 */
@Path("/api/v1/brands/{id}/prefix-requests")
public class CompanyPrefixResource {

    private final CompanyPrefixService prefixes;
    private final BrandAccess access;
    private final Caller caller;

    public CompanyPrefixResource(CompanyPrefixService prefixes, BrandAccess access, Caller caller) {
        this.prefixes = prefixes;
        this.access = access;
        this.caller = caller;
    }

    public record PrefixRequest(@NotNull String prefix) {
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.BRAND})
    public Response propose(@PathParam("id") String brandId, @NotNull PrefixRequest request) {
        access.requireManaged(brandId);
        var proposal = prefixes.propose(brandId, request.prefix(), caller.subject());
        PrefixRequestView view = PrefixRequestView.of(proposal.value());
        return proposal.created()
                ? Response.created(URI.create("/api/v1/brands/" + brandId + "/prefix-requests/" + view.prefix()))
                        .entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.BRAND})
    public List<PrefixRequestView> ofBrand(@PathParam("id") String brandId) {
        access.requireManaged(brandId);
        return prefixes.ofBrand(brandId).stream().map(PrefixRequestView::of).toList();
    }

    /** Changes the brand record (its approved prefixes), so it takes the brand's ETag and answers its new one. */
    @POST
    @Path("{prefix}/approve")
    @RolesAllowed(Roles.ADMIN)
    public Response approve(@PathParam("id") String brandId, @PathParam("prefix") String prefix,
            @HeaderParam("If-Match") String ifMatch) {
        BrandDetails brand = prefixes.approve(brandId, prefix, Versions.required(ifMatch), caller.subject());
        return Response.ok(BrandView.of(brand)).tag(Versions.tag(brand.version())).build();
    }

    @POST
    @Path("{prefix}/reject")
    @RolesAllowed(Roles.ADMIN)
    public PrefixRequestView reject(@PathParam("id") String brandId, @PathParam("prefix") String prefix) {
        return PrefixRequestView.of(prefixes.reject(brandId, prefix, caller.subject()));
    }
}
