package org.openipm.messaging.cases.thread;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.openipm.messaging.cases.CaseAccess;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/**
 * Corrections of a case's timeline by its participants. Whoever takes no part in the case, or cannot read the
 * entry, gets 404, as for an entry that does not exist.
 */
@Path("/api/v1/cases/{id}/timeline/{entryId}/corrections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OFFICER, Roles.BRAND, Roles.ADMIN, Roles.CUSTOMS_SYSTEM, Roles.SSP })
public class CorrectionResource {

    private final CorrectionService corrections;
    private final CaseAccess access;

    public CorrectionResource(CorrectionService corrections, CaseAccess access) {
        this.corrections = corrections;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response correct(@PathParam("id") UUID id, @PathParam("entryId") long entryId,
            CorrectionRequest request) {
        var author = access.viewer().orElseThrow(() -> ProblemException.notFound("Case " + id));
        return Response.status(Response.Status.CREATED).entity(corrections.correct(id, entryId, author, request))
                .build();
    }
}
