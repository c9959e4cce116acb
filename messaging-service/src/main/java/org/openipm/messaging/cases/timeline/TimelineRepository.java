package org.openipm.messaging.cases.timeline;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepository<TimelineEntry> {

    public List<TimelineEntry> ofCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
