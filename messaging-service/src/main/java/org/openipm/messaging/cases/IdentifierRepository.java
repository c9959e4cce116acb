package org.openipm.messaging.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IdentifierRepository implements PanacheRepository<CaseIdentifier> {

    /**
     * Serialises the flagging of one identifier until the transaction ends, so two offices flagging the same
     * container at the same moment still find each other (each sees the other's committed case, or waits for it).
     */
    public void lock(String kind, String value) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, kind + ":" + value).getSingleResult();
    }

    public List<CaseIdentifier> ofCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    /** Cases already flagged under this identifier. */
    public List<UUID> casesWith(String kind, String value) {
        return find("kind = ?1 and value = ?2", kind, value).stream().map(i -> i.caseId).distinct().toList();
    }
}
