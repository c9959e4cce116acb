package org.openipm.product.infringer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.openipm.platform.problem.PageBounds;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;
import org.openipm.product.brand.BrandAccess;

/**
 * A brand's list of known infringers (red flags). The brand keeps its own list; administrators read every list;
 * anyone else, another brand included, is told the list does not exist (404).
 */
@Path("/api/v1/brands/{brandId}/infringers")
@Produces(MediaType.APPLICATION_JSON)
public class InfringerResource {

    private final InfringerService infringers;
    private final BrandAccess access;
    private final Caller caller;
    private final PageBounds pages;

    public InfringerResource(InfringerService infringers, BrandAccess access, Caller caller, PageBounds pages) {
        this.infringers = infringers;
        this.access = access;
        this.caller = caller;
        this.pages = pages;
    }

    @GET
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public InfringerView.Page list(@PathParam("brandId") String brandId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        access.requireManaged(brandId);
        pages.check(page, size);
        return infringers.ofBrand(brandId, page, size);
    }

    @GET
    @Path("{entryId}")
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public InfringerView read(@PathParam("brandId") String brandId, @PathParam("entryId") UUID entryId) {
        access.requireManaged(brandId);
        return infringers.entry(brandId, entryId).orElseThrow(() -> notFound(entryId));
    }

    @POST
    @RolesAllowed(Roles.BRAND)
    public Response add(@PathParam("brandId") String brandId, @Valid @NotNull InfringerRequest request) {
        requireOwnBrand(brandId);
        InfringerView added = infringers.list(brandId, request, caller.subject());
        return Response.created(URI.create("/api/v1/brands/" + brandId + "/infringers/" + added.id()))
                .entity(added).build();
    }

    @PUT
    @Path("{entryId}")
    @RolesAllowed(Roles.BRAND)
    public InfringerView replace(@PathParam("brandId") String brandId, @PathParam("entryId") UUID entryId,
            @Valid @NotNull InfringerRequest request) {
        requireOwnBrand(brandId);
        return infringers.replace(brandId, entryId, request, caller.subject()).orElseThrow(() -> notFound(entryId));
    }

    @DELETE
    @Path("{entryId}")
    @RolesAllowed(Roles.BRAND)
    public Response remove(@PathParam("brandId") String brandId, @PathParam("entryId") UUID entryId) {
        requireOwnBrand(brandId);
        if (!infringers.remove(brandId, entryId)) {
            throw notFound(entryId);
        }
        return Response.noContent().build();
    }

    /** Only the brand itself writes its list: administrators read it, they do not vouch for its evidence. */
    private void requireOwnBrand(String brandId) {
        if (!caller.actsFor(brandId)) {
            throw ProblemException.notFound("Brand " + brandId);
        }
    }

    private static ProblemException notFound(UUID entryId) {
        return ProblemException.notFound("Infringer entry " + entryId);
    }
}
