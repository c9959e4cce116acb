package org.openipm.product.brand;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;
import org.openipm.product.Versions;
import org.openipm.product.domain.BrandDetails;

/**
 * Right holders. Admins register them (granting the company prefixes seen on their GS1 licence); a brand's users edit
 * their own, except the approved prefixes (see CompanyPrefixResource); officers read them.
 */
@Path("/api/v1/brands")
public class BrandResource {

    private final BrandService brands;
    private final BrandAccess access;
    private final Caller caller;

    public BrandResource(BrandService brands, BrandAccess access, Caller caller) {
        this.brands = brands;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response register(@Valid @NotNull BrandRequest request) {
        BrandDetails brand = brands.register(request, caller.subject());
        return Response.created(URI.create("/api/v1/brands/" + brand.id())).tag(Versions.tag(brand.version()))
                .entity(BrandView.of(brand)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.BRAND})
    public List<BrandView> list() {
        return brands.all().stream().filter(b -> mayRead(b.id())).map(BrandView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.BRAND})
    public Response get(@PathParam("id") String id) {
        BrandDetails brand = brands.find(id).filter(b -> mayRead(b.id()))
                .orElseThrow(() -> ProblemException.notFound("Brand " + id));
        return Response.ok(BrandView.of(brand)).tag(Versions.tag(brand.version())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.BRAND})
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BrandRequest request) {
        access.requireManaged(id);
        BrandDetails brand = brands.update(id, Versions.required(ifMatch), request, caller.isAdmin(),
                caller.subject());
        return Response.ok(BrandView.of(brand)).tag(Versions.tag(brand.version())).build();
    }

    /** A brand is public to officers: they look its contacts up. */
    private boolean mayRead(String brandId) {
        return access.mayRead(brandId, true);
    }
}
