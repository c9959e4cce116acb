package org.openipm.messaging.cases.dossier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.openipm.messaging.cases.CaseAccess;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/**
 * The dossier of a case for prosecutors, exported by an officer of a participant authority. A brand participant,
 * who knows the case, gets 403 (the dossier holds the other brands' exchanges and personal data); anybody else 404.
 */
@Path("/api/v1/cases/{id}/dossier")
@RolesAllowed({ Roles.OFFICER, Roles.BRAND, Roles.ADMIN, Roles.CUSTOMS_SYSTEM, Roles.SSP })
public class DossierResource {

    public static final String JOSE = "application/jose";

    private final DossierService dossiers;
    private final CaseAccess access;
    private final ParticipantRepository participants;

    public DossierResource(DossierService dossiers, CaseAccess access, ParticipantRepository participants) {
        this.dossiers = dossiers;
        this.access = access;
        this.participants = participants;
    }

    /** A compact JWS (RS256) whose payload is the dossier's JSON; verify it with the key set at /.well-known. */
    @GET
    @Produces({ JOSE, "application/problem+json" })
    public Response export(@PathParam("id") UUID id) {
        CaseViewer viewer = access.viewer().filter(v -> participants.takesPart(id, v))
                .orElseThrow(() -> ProblemException.notFound("Case " + id));
        if (viewer.isBrand()) {
            throw ProblemException.forbidden("Only officers of a participant authority export a case's dossier");
        }
        return Response.ok(dossiers.export(id, viewer.id(), access.who()), JOSE)
                .header("Content-Disposition", "attachment; filename=\"case-" + id + "-dossier.jws\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
