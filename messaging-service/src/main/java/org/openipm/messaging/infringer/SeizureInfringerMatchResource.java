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
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * The red flags of a seizure. The reporting authority (its officers and its customs system) names the seizure by its
 * own external id, as in {@code PUT /api/v1/seizures/{externalId}}, and reads every brand's matches; a brand names it
 * by the seizure id of its alert and reads its own matches, on a seizure of its verified goods only. Anybody else,
 * and a seizure that does not exist: 404.
 */
@Path("/api/v1/seizures/{seizure}/infringer-matches")
@Produces(MediaType.APPLICATION_JSON)
public class SeizureInfringerMatchResource {

    private final SeizureInfringerMatchRepository matches;
    private final Caller caller;

    public SeizureInfringerMatchResource(SeizureInfringerMatchRepository matches, Caller caller) {
        this.matches = matches;
        this.caller = caller;
    }

    public record MatchView(UUID entryId, String brandId, String kind, String listed, String evidence) {
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.CUSTOMS_SYSTEM, Roles.BRAND})
    public List<MatchView> read(@PathParam("seizure") String seizure) {
        String org = caller.org().orElseThrow(() -> notFound(seizure));
        Optional<String> onlyBrand;
        UUID seizureId;
        if (caller.is(Roles.BRAND)) {
            seizureId = uuid(seizure).filter(id -> matches.holdsGoodsOf(id, org)).orElseThrow(() -> notFound(seizure));
            onlyBrand = Optional.of(org);
        } else {
            seizureId = matches.seizureOf(org, seizure).orElseThrow(() -> notFound(seizure));
            onlyBrand = Optional.empty();
        }
        return matches.ofSeizure(seizureId, onlyBrand).stream()
                .map(m -> new MatchView(m.entryId(), m.brandId(), m.kind(), m.listed(), m.evidence())).toList();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ProblemException notFound(String seizure) {
        return ProblemException.notFound("Seizure " + seizure);
    }
}
