package org.openipm.authentication.connector;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openipm.authentication.request.AuthenticationVerdict;

/**
 * Gives ERROR to requests whose Kafka provider did not answer by the due time, so the officer is never left
 * waiting. Every instance sweeps; the recorder's row lock lets only one record each verdict.
 */
@ApplicationScoped
public class OverdueAnswers {

    private static final Logger LOG = Logger.getLogger(OverdueAnswers.class);

    private final AgroalDataSource dataSource;
    private final VerdictRecorder recorder;

    public OverdueAnswers(AgroalDataSource dataSource, VerdictRecorder recorder) {
        this.dataSource = dataSource;
        this.recorder = recorder;
    }

    @Scheduled(every = "${openipm.authentication.overdue-sweep:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            for (Overdue request : overdue()) {
                long waited = Duration.between(request.askedAt(), request.dueAt()).toMillis();
                recorder.record(request.id(), Judgement.without(AuthenticationVerdict.ERROR,
                        "provider did not answer within " + waited + " ms", request.providerId(), waited),
                        request.productId(), request.brandId());
            }
        } catch (RuntimeException e) {
            // The database may be down: the next sweep tries again.
            LOG.warnf("Overdue answers not swept: %s", e.getMessage());
        }
    }

    private record Overdue(UUID id, String providerId, UUID productId, String brandId, Instant askedAt,
            Instant dueAt) {
    }

    /**
     * One statement a tick, no transaction: the status is written into the query (not a parameter) so that PostgreSQL
     * answers from the partial index of awaited requests even with a cached generic plan, instead of scanning every
     * request ever made each second.
     */
    private List<Overdue> overdue() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id, provider_id, product_id, brand_id, "
                        + "asked_at, answer_due_at from authentication_request where status = 'PENDING' "
                        + "and answer_due_at is not null and answer_due_at < ? order by answer_due_at limit 100")) {
            select.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            List<Overdue> overdue = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    overdue.add(new Overdue(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getObject(3, UUID.class), rows.getString(4),
                            rows.getObject(5, OffsetDateTime.class).toInstant(),
                            rows.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
            return overdue;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read overdue answers: " + e.getMessage(), e);
        }
    }
}
