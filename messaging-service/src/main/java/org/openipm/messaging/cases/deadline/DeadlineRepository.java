package org.openipm.messaging.cases.deadline;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeadlineRepository implements PanacheRepositoryBase<CaseDeadline, UUID> {

    public List<CaseDeadline> ofCase(UUID caseId) {
        return list("caseId = ?1 order by dueAt, kind", caseId);
    }

    public List<CaseDeadline> openOfCase(UUID caseId) {
        return list("caseId = ?1 and state = ?2 order by dueAt, kind", caseId, DeadlineState.OPEN);
    }

    /**
     * Open deadlines due by {@code now} and not yet noticed as missed, locked for this transaction; rows another
     * instance holds are skipped, so two instances never notice the same deadline.
     */
    @SuppressWarnings("unchecked")
    public List<CaseDeadline> lockMissed(Instant now, int limit) {
        return getEntityManager().createNativeQuery("select * from case_deadline where state = 'OPEN'"
                        + " and missed_noticed_at is null and due_at <= ?1 order by due_at limit ?2"
                        + " for update skip locked", CaseDeadline.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** Open deadlines whose approaching time has come, not yet due nor noticed, locked as {@link #lockMissed}. */
    @SuppressWarnings("unchecked")
    public List<CaseDeadline> lockApproaching(Instant now, int limit) {
        return getEntityManager().createNativeQuery("select * from case_deadline where state = 'OPEN'"
                        + " and approaching_noticed_at is null and approaching_from <= ?1 and due_at > ?1"
                        + " order by approaching_from limit ?2 for update skip locked", CaseDeadline.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** Every open deadline not yet noticed approaching, to move its approaching time when the lead changed. */
    public List<CaseDeadline> openNotYetApproaching() {
        return list("state = ?1 and approachingNoticedAt is null", DeadlineState.OPEN);
    }
}
