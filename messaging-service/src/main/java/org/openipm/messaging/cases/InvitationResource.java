package org.openipm.messaging.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/**
 * Officers of a participant authority invite another country's authority. Every role may call it so that nobody
 * learns from a 403 that a case exists: whoever takes no part in the case gets 404; a brand participant, who knows
 * the case, gets 403.
 */
@Path("/api/v1/cases/{id}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OFFICER, Roles.BRAND, Roles.ADMIN, Roles.CUSTOMS_SYSTEM, Roles.SSP })
public class InvitationResource {

    private final InvitationService invitations;
    private final CaseAccess access;
    private final ParticipantRepository participants;

    public InvitationResource(InvitationService invitations, CaseAccess access, ParticipantRepository participants) {
        this.invitations = invitations;
        this.access = access;
        this.participants = participants;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("id") UUID id,
            @NotNull(message = "a body naming the authority is required") @Valid InvitationRequest request) {
        CaseViewer viewer = access.viewer().orElseThrow(() -> ProblemException.notFound("Case " + id));
        if (viewer.isBrand()) {
            if (participants.takesPart(id, viewer)) {
                throw ProblemException.forbidden("Only officers of a participant authority invite authorities");
            }
            throw ProblemException.notFound("Case " + id);
        }
        return Response.status(Response.Status.CREATED).entity(invitations.invite(id, viewer.id(), request)).build();
    }
}
