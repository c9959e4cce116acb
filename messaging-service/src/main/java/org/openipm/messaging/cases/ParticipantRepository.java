package org.openipm.messaging.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepository<CaseParticipant> {

    public boolean takesPart(UUID caseId, CaseViewer viewer) {
        return count("caseId = ?1 and partyKind = ?2 and partyId = ?3", caseId, viewer.kind(), viewer.id()) > 0;
    }

    public List<CaseParticipant> ofCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
