package org.openipm.platform.testapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/** REST edge of the test application: makes gadgets, and fails on demand in every way a service can. */
@Path("/api/gadgets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class GadgetResource {

    public record MakeGadget(@NotBlank String name) {
    }

    private final GadgetService gadgets;

    public GadgetResource(GadgetService gadgets) {
        this.gadgets = gadgets;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response make(@Valid MakeGadget request) {
        return Response.status(201).entity(gadgets.make(request.name())).build();
    }

    @GET
    @Path("/{name}")
    public Gadget get(@PathParam("name") String name) {
        return gadgets.find("name", name).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Gadget " + name));
    }

    @GET
    @Path("/failing/{how}")
    public Response fail(@PathParam("how") String how) throws Exception {
        throw switch (how) {
            case "conflict" -> ProblemException.conflict("gadget-busy", "The gadget is busy");
            case "too-soon" -> ProblemException.tooManyRequests("slow-down", "Too many gadgets", 7);
            case "stale" -> new IllegalStateException("lost a race", new OptimisticLockException());
            case "database-gone" -> new IllegalStateException("no database", new SQLException("gone", "08006"));
            default -> new IllegalStateException("a bug");
        };
    }
}
