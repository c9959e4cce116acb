package org.openipm.messaging.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.openipm.messaging.authority.Authority;
import org.openipm.messaging.authority.AuthorityRepository;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * A participant authority brings another country's authority into a case (customs of the origin, transit or
 * destination country). The invited authority takes part from then on; nothing else of the case changes.
 */
@ApplicationScoped
public class InvitationService {

    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final AuthorityRepository authorities;
    private final CaseEvents caseEvents;

    public InvitationService(CaseRepository cases, ParticipantRepository participants,
            AuthorityRepository authorities, CaseEvents caseEvents) {
        this.cases = cases;
        this.participants = participants;
        this.authorities = authorities;
        this.caseEvents = caseEvents;
    }

    @Transactional
    public Invitation invite(UUID caseId, String invitingAuthority, InvitationRequest request) {
        CaseViewer inviter = CaseViewer.authority(invitingAuthority);
        ShipmentCase invitedInto = cases.findByIdOptional(caseId).filter(c -> participants.takesPart(caseId, inviter))
                .orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        Authority invited = authorities.findByIdOptional(request.authority()).orElseThrow(() -> invalid(
                request.authority() + " is not in the directory of authorities"));
        Authority own = authorities.findById(invitingAuthority);
        String ownCountry = own == null ? invitedInto.country : own.country;
        if (invited.country.equals(ownCountry)) {
            throw invalid(invited.id + " is of your own country " + ownCountry
                    + "; an invitation brings in another country's authority");
        }
        if (participants.takesPart(caseId, CaseViewer.authority(invited.id))) {
            throw ProblemException.conflict("already-participant", invited.id + " already takes part in case "
                    + caseId);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        participants.persist(CaseParticipant.of(caseId, CaseParticipant.AUTHORITY, invited.id,
                CaseParticipant.INVITED, now));
        caseEvents.invited(invitedInto, invited.id, invited.country, invitingAuthority, now);
        return new Invitation(caseId, invited.id, invited.country, invitingAuthority, now);
    }

    private static ProblemException invalid(String message) {
        return new ProblemException(Problem.of("invalid-invitation", "Bad Request", 400, "authority: " + message)
                .withErrors(List.of(new Problem.FieldError("authority", message))));
    }
}
