package org.openipm.messaging.shipment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.openipm.messaging.cases.CaseAccess;
import org.openipm.platform.security.Roles;

/** Officers flag suspicious shipments; each flag opens a case held by the officer's authority. */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    private final FlaggingService flagging;
    private final CaseAccess access;

    public ShipmentResource(FlaggingService flagging, CaseAccess access) {
        this.flagging = flagging;
        this.access = access;
    }

    /** 201 with the case id (Location: the case), the brands matched, unverified claims and unmatched codes. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    public Response flag(@NotNull(message = "a shipment is required") @Valid ShipmentRequest request) {
        Flagged flagged = flagging.flag(request, access.officersAuthority(), access.who());
        return Response.created(URI.create("/api/v1/cases/" + flagged.caseId())).entity(flagged).build();
    }
}
