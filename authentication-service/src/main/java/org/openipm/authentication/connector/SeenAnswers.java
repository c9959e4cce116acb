package org.openipm.authentication.connector;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openipm.authentication.AuthenticationSettings;
import org.openipm.authentication.clone.Sighting;
import org.openipm.authentication.request.AuthenticationRepository;

/**
 * The providers' answer ids already accepted, shared by every instance through PostgreSQL: an id seen again is a
 * replay. Ids are kept longer than an answer stays acceptable (5 minutes), then purged.
 */
@ApplicationScoped
public class SeenAnswers {

    /** Writes a row, or leaves one of the same request as it is: a row changed or written means "first time". */
    private static final String REMEMBER = "insert into seen_answer (message_id, provider_id, seen_at, request_id) "
            + "values (?, ?, now(), ?) on conflict (message_id) do update set seen_at = seen_answer.seen_at "
            + "where seen_answer.request_id = excluded.request_id";

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
                PreparedStatement insert = connection.prepareStatement(REMEMBER)) {
            bindRemember(insert, messageId, providerId, requestId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the answer " + messageId + " of " + providerId, e);
        }
    }

    /** What {@link #firstTimeWithSightings} found. */
    public record FirstTimeAndSightings(boolean firstTime, List<Sighting> earlierSightings) {
    }

    /**
     * {@link #firstTime} for a GENUINE answer, and in the same statement the code's earlier sightings (the clone rules
     * judge them): one round trip instead of two for every genuine verification.
     */
    public FirstTimeAndSightings firstTimeWithSightings(String messageId, String providerId, UUID requestId,
            String gtin, String serial) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("with seen as (" + REMEMBER
                        + " returning 1) select exists (select 1 from seen), earlier.* from (select 1) as one "
                        + "left join lateral (" + AuthenticationRepository.EARLIER_SIGHTINGS + ") as earlier on true "
                        + "order by earlier.requested_at")) {
            bindRemember(select, messageId, providerId, requestId);
            select.setString(4, gtin);
            select.setString(5, serial);
            select.setObject(6, requestId);
            boolean firstTime = false;
            List<Sighting> earlier = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    firstTime = row.getBoolean(1);
                    if (row.getObject(2) != null) {
                        earlier.add(AuthenticationRepository.sightingOf(row, 2));
                    }
                }
            }
            return new FirstTimeAndSightings(firstTime, earlier);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the answer " + messageId + " of " + providerId, e);
        }
    }

    private static void bindRemember(PreparedStatement statement, String messageId, String providerId,
            UUID requestId) throws SQLException {
        statement.setString(1, providerId + ":" + messageId);
        statement.setString(2, providerId);
        statement.setObject(3, requestId);
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        entityManager.createNativeQuery("delete from seen_answer where seen_at < ?1")
                .setParameter(1, Instant.now().minus(settings.answerIdRetention())).executeUpdate();
    }
}
