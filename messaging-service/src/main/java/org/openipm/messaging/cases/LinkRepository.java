package org.openipm.messaging.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LinkRepository implements PanacheRepository<CaseLink> {

    public List<CaseLink> ofCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    public boolean linked(UUID caseId, UUID other) {
        return count("caseId = ?1 and linkedCaseId = ?2", caseId, other) > 0;
    }
}
