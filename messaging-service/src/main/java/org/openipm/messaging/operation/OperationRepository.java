package org.openipm.messaging.operation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OperationRepository implements PanacheRepositoryBase<Operation, UUID> {

    /** Operations the authority takes part in whose period holds the day (implicit tagging). */
    @SuppressWarnings("unchecked")
    public List<UUID> ofAuthorityOn(String authority, LocalDate day) {
        return getEntityManager().createNativeQuery("select id from operation where authorities @> "
                        + "jsonb_build_array(cast(?1 as text)) and starts_on <= ?2 and ends_on >= ?2 order by id")
                .setParameter(1, authority).setParameter(2, day).getResultList();
    }

    /** Every operation the authority or brand takes part in, newest first. */
    @SuppressWarnings("unchecked")
    public List<Operation> ofParticipant(String column, String participant) {
        String sql = "select * from operation where " + ("brands".equals(column) ? "brands" : "authorities")
                + " @> jsonb_build_array(cast(?1 as text)) order by starts_on desc, id";
        return getEntityManager().createNativeQuery(sql, Operation.class).setParameter(1, participant)
                .getResultList();
    }

    public List<Operation> newestFirst() {
        return list("order by startsOn desc, id");
    }

    public void tagCase(UUID caseId, UUID operationId, String how) {
        getEntityManager().createNativeQuery("insert into case_operation (case_id, operation_id, tagged) "
                        + "values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, caseId).setParameter(2, operationId).setParameter(3, how).executeUpdate();
    }

    /** The number of the operation's cases, all or only those the brand takes part in. */
    public long casesOf(UUID operationId, String brandOrNull) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from case_operation c where "
                        + "c.operation_id = ?1 and (cast(?2 as varchar) is null or exists (select 1 from "
                        + "case_participant p where p.case_id = c.case_id and p.party_kind = 'BRAND' and p.party_id = ?2))")
                .setParameter(1, operationId).setParameter(2, brandOrNull).getSingleResult()).longValue();
    }
}
