package org.openipm.authentication.connector;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.openipm.authentication.AuthenticationSettings;

/**
 * The providers' answer ids already accepted, shared by every instance through PostgreSQL: an id seen again is a
 * replay. Ids are kept longer than an answer stays acceptable (5 minutes), then purged.
 */
@ApplicationScoped
public class SeenAnswers {

    private final AgroalDataSource dataSource;
    private final EntityManager entityManager;
    private final AuthenticationSettings settings;

    public SeenAnswers(AgroalDataSource dataSource, EntityManager entityManager, AuthenticationSettings settings) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.settings = settings;
    }

    /**
     * Records that the answer {@code messageId} was accepted for {@code requestId}, in a statement of its own; false
     * when it was already accepted for another request (a replay). The same answer for the same request again is not a
     * replay: the request's verdict is recorded by a later statement, and when that one fails the request is handled
     * again.
     */
    public boolean firstTime(String messageId, String providerId, UUID requestId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into seen_answer (message_id, "
                        + "provider_id, seen_at, request_id) values (?, ?, now(), ?) on conflict (message_id) do "
                        + "update set seen_at = seen_answer.seen_at where seen_answer.request_id = excluded.request_id")) {
            insert.setString(1, providerId + ":" + messageId);
            insert.setString(2, providerId);
            insert.setObject(3, requestId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the answer " + messageId + " of " + providerId, e);
        }
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        entityManager.createNativeQuery("delete from seen_answer where seen_at < ?1")
                .setParameter(1, Instant.now().minus(settings.answerIdRetention())).executeUpdate();
    }
}
