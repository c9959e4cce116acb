package org.openipm.authentication.provider;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * The registry of security solution providers. Administrators manage it; a provider's machine account reads its
 * own entry and statistics; anybody else gets 404. No answer ever carries a secret, except the one generated at
 * registration, shown once.
 */
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {

    private final ProviderService service;
    private final ProviderAccess access;
    private final Caller caller;

    public ProviderResource(ProviderService service, ProviderAccess access, Caller caller) {
        this.service = service;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response register(@NotNull(message = "a provider is required") @Valid ProviderRequest request,
            @Context UriInfo uri) {
        ProviderCreated created = service.create(request, access.who());
        return Response.created(uri.getAbsolutePathBuilder().path(created.provider().id()).build())
                .entity(created).build();
    }

    /** Administrators: every provider; a provider's machine account: its own entry only. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SSP })
    public List<ProviderView> list() {
        if (caller.isAdmin()) {
            return service.all();
        }
        return caller.org().flatMap(service::find).map(List::of).orElse(List.of());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SSP, Roles.OFFICER, Roles.BRAND, Roles.CUSTOMS_SYSTEM })
    public ProviderView get(@PathParam("id") String id) {
        access.requireReader(id);
        return service.find(id).orElseThrow(() -> ProblemException.notFound("Provider " + id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SSP, Roles.OFFICER, Roles.BRAND, Roles.CUSTOMS_SYSTEM })
    public ProviderView replace(@PathParam("id") String id,
            @NotNull(message = "a provider is required") @Valid ProviderRequest request) {
        access.requireAdmin(id);
        return service.update(id, request, access.who());
    }

    @GET
    @Path("/{id}/statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.SSP, Roles.OFFICER, Roles.BRAND, Roles.CUSTOMS_SYSTEM })
    public ProviderStatistics statistics(@PathParam("id") String id) {
        access.requireReader(id);
        service.find(id).orElseThrow(() -> ProblemException.notFound("Provider " + id));
        return service.statistics(id);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({ Roles.ADMIN, Roles.SSP, Roles.OFFICER, Roles.BRAND, Roles.CUSTOMS_SYSTEM })
    public List<ProviderAuditView> audit(@PathParam("id") String id) {
        access.requireAdmin(id);
        service.find(id).orElseThrow(() -> ProblemException.notFound("Provider " + id));
        return service.audit(id);
    }
}
