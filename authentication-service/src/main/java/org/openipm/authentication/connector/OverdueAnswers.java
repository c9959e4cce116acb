package org.openipm.authentication.connector;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.openipm.authentication.request.AuthenticationRepository;
import org.openipm.authentication.request.AuthenticationRequest;
import org.openipm.authentication.request.AuthenticationVerdict;

/**
 * Gives ERROR to requests whose Kafka provider did not answer by the due time, so the officer is never left
 * waiting. Every instance sweeps; the recorder's row lock lets only one record each verdict.
 */
@ApplicationScoped
public class OverdueAnswers {

    private static final Logger LOG = Logger.getLogger(OverdueAnswers.class);

    private final AuthenticationRepository requests;
    private final VerdictRecorder recorder;

    public OverdueAnswers(AuthenticationRepository requests, VerdictRecorder recorder) {
        this.requests = requests;
        this.recorder = recorder;
    }

    @Scheduled(every = "${openipm.authentication.overdue-sweep:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            List<AuthenticationRequest> overdue = QuarkusTransaction.requiringNew().call(() -> requests.find(
                    "status = ?1 and answerDueAt < ?2", AuthenticationRequest.PENDING, Instant.now())
                    .page(0, 100).list());
            for (AuthenticationRequest request : overdue) {
                long waited = Duration.between(request.askedAt, request.answerDueAt).toMillis();
                recorder.record(request.id, Judgement.without(AuthenticationVerdict.ERROR,
                        "provider did not answer within " + waited + " ms", request.providerId, waited),
                        request.productId, request.brandId);
            }
        } catch (RuntimeException e) {
            // The database may be down: the next sweep tries again.
            LOG.warnf("Overdue answers not swept: %s", e.getMessage());
        }
    }
}
