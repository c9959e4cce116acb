package org.openipm.reference.protocol;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AnsweredQueryRepository implements PanacheRepositoryBase<AnsweredQuery, UUID> {

    /**
     * Claims the request id for this transaction. PostgreSQL makes a second claim of the same id wait until the
     * first transaction ends: it then sees the committed answer, so two copies of one query arriving together
     * are still counted once.
     *
     * @return empty when the id is new (this transaction answers it), else the earlier query and its answer
     */
    public Optional<AnsweredQuery> claim(UUID requestId, String code, Instant receivedAt) {
        int inserted = getEntityManager().createNativeQuery(
                "insert into answered_query (request_id, code, received_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, requestId).setParameter(2, code).setParameter(3, receivedAt).executeUpdate();
        return inserted == 1 ? Optional.empty() : findByIdOptional(requestId);
    }
}
