package org.openipm.authentication.connector;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.hibernate.Session;
import org.openipm.authentication.AuthenticationSettings;

/**
 * The providers' answer ids already accepted, shared by every instance through PostgreSQL: an id seen again is a
 * replay. Ids are kept longer than an answer stays acceptable (5 minutes), then purged.
 */
@ApplicationScoped
public class SeenAnswers {

    private final EntityManager entityManager;
    private final AuthenticationSettings settings;

    public SeenAnswers(EntityManager entityManager, AuthenticationSettings settings) {
        this.entityManager = entityManager;
        this.settings = settings;
    }

    /** Records the id; false when it was already there. Call inside the transaction that records the verdict. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String messageId, String providerId) {
        // Plain JDBC on the transaction's connection: a native query through Hibernate flushes and plans each time.
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into seen_answer (message_id, "
                    + "provider_id, seen_at) values (?, ?, now()) on conflict do nothing")) {
                insert.setString(1, providerId + ":" + messageId);
                insert.setString(2, providerId);
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        entityManager.createNativeQuery("delete from seen_answer where seen_at < ?1")
                .setParameter(1, Instant.now().minus(settings.answerIdRetention())).executeUpdate();
    }
}
