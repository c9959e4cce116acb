package org.openipm.messaging.cases.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.CaseParticipant;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.messaging.cases.ShipmentCase;
import org.openipm.messaging.cases.deadline.CaseDeadline;
import org.openipm.messaging.cases.rules.DeadlineKind.DeadlineParty;

/**
 * The participants whose clock a deadline is, as case-events records name them: the brands for the right holder's
 * periods, otherwise the authority holding the goods (the declarant and the importer answer it; they take no part
 * in the case).
 */
@ApplicationScoped
public class DeadlineActors {

    private final ParticipantRepository participants;

    public DeadlineActors(ParticipantRepository participants) {
        this.participants = participants;
    }

    public List<CaseParty> of(ShipmentCase shipmentCase, CaseDeadline deadline) {
        if (deadline.mustAct == DeadlineParty.RIGHT_HOLDER) {
            return participants.ofCase(shipmentCase.id).stream()
                    .filter(p -> CaseParticipant.BRAND.equals(p.partyKind)).map(p -> CaseParty.brand(p.partyId))
                    .toList();
        }
        return List.of(CaseParty.authority(shipmentCase.authority));
    }
}
