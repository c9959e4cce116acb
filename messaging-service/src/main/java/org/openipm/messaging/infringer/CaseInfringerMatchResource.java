package org.openipm.messaging.infringer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.messaging.cases.CaseAccess;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/**
 * The red flags of a case: officers of a participant authority read every brand's matches, a brand participant its
 * own only; anybody else, as for the case itself, 404.
 */
@Path("/api/v1/cases/{id}/infringer-matches")
@Produces(MediaType.APPLICATION_JSON)
public class CaseInfringerMatchResource {

    private final CaseAccess access;
    private final ParticipantRepository participants;
    private final CaseInfringerFlags flags;

    public CaseInfringerMatchResource(CaseAccess access, ParticipantRepository participants,
            CaseInfringerFlags flags) {
        this.access = access;
        this.participants = participants;
        this.flags = flags;
    }

    public record MatchView(UUID entryId, String brandId, String kind, String listed, String evidence) {
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.BRAND})
    public List<MatchView> read(@PathParam("id") UUID caseId) {
        CaseViewer viewer = access.viewer().filter(v -> participants.takesPart(caseId, v))
                .orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        Optional<String> onlyBrand = viewer.isBrand() ? Optional.of(viewer.id()) : Optional.empty();
        return flags.ofCase(caseId, onlyBrand).stream()
                .map(m -> new MatchView(m.entryId(), m.brandId(), m.kind(), m.listed(), m.evidence())).toList();
    }
}
