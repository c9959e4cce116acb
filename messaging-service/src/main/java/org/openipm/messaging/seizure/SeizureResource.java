package org.openipm.messaging.seizure;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/** Customs systems report seizures in bulk; the authority is the token's {@code org}, never the record's. */
@Path("/api/v1/seizures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SeizureResource {

    private final SeizureIntake intake;
    private final Caller caller;

    public SeizureResource(SeizureIntake intake, Caller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    /**
     * 202 with one result per record (accepted, duplicate, conflict, rejected with field and reason). The body,
     * {@code {"seizures": [...]}}, is taken as bytes: each record is read once, on its own
     * ({@link SeizureBatchReader}).
     */
    @POST
    @RolesAllowed(Roles.CUSTOMS_SYSTEM)
    public Response report(byte[] body) {
        return Response.accepted(intake.report(authority(), body)).build();
    }

    /** Amends a reported seizure: 202 {@code ACCEPTED} (a new version queued) or {@code DUPLICATE}; 404 if unknown. */
    @PUT
    @Path("/{externalId}")
    @RolesAllowed(Roles.CUSTOMS_SYSTEM)
    public Response amend(@PathParam("externalId") String externalId, JsonNode seizure) {
        return intake.amend(authority(), externalId, seizure)
                .map(result -> Response.accepted(result).build())
                .orElseThrow(() -> ProblemException.notFound("seizure " + externalId));
    }

    private String authority() {
        return caller.org().orElseThrow(() -> ProblemException.forbidden(
                "The customs system's token names no authority (claim org)"));
    }
}
