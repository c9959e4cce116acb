package org.openipm.platform.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/** Operators list this service's consumers and re-drive a dead-letter topic once its cause is fixed. */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    private final DeadLetterRedrive redrive;

    public DeadLetterResource(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @GET
    public List<DeadLetterRedrive.DeadLetterTopic> consumers() {
        return redrive.topics();
    }

    @POST
    @Path("/{consumer}/redrive")
    public DeadLetterRedrive.Outcome redrive(@PathParam("consumer") String consumer) {
        return redrive.redrive(consumer)
                .orElseThrow(() -> ProblemException.notFound("Consumer " + consumer + " of this service"));
    }
}
