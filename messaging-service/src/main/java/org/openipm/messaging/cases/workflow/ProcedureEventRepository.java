package org.openipm.messaging.cases.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.openipm.messaging.cases.rules.ClockStart;

/** The procedure steps recorded for a case, each once (table {@code case_procedure_event}). */
@ApplicationScoped
public class ProcedureEventRepository {

    private final EntityManager entityManager;

    public ProcedureEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores the step; false when the case has it already (nothing changes then). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(UUID caseId, ClockStart event, Instant at, String recordedBy, String note) {
        return entityManager.createNativeQuery("insert into case_procedure_event (case_id, event, recorded_at,"
                        + " recorded_by, note) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, caseId).setParameter(2, event.name()).setParameter(3, at)
                .setParameter(4, recordedBy).setParameter(5, note).executeUpdate() == 1;
    }
}
