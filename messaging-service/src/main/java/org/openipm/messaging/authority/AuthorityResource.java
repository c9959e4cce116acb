package org.openipm.messaging.authority;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/**
 * The directory of enforcement authorities. Administrators keep it; officers read it (to know whom to invite into a
 * case). It holds no personal data beyond the contact points an authority publishes for this purpose.
 */
@Path("/api/v1/authorities")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorityResource {

    private final AuthorityService service;

    public AuthorityResource(AuthorityService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response register(@NotNull(message = "an authority is required") @Valid AuthorityRequest request,
            @Context UriInfo uri) {
        AuthorityView created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public AuthorityView replace(@PathParam("id") String id,
            @NotNull(message = "an authority is required") @Valid AuthorityRequest request) {
        return service.replace(id, request);
    }

    /** Every authority, by country then id; {@code ?country=FR} narrows to one country. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OFFICER })
    public List<AuthorityView> list(@QueryParam("country") String country) {
        return service.list(Optional.ofNullable(country));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.OFFICER })
    public AuthorityView get(@PathParam("id") String id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("Authority " + id));
    }
}
