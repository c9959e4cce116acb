package org.openipm.authentication.connector;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openipm.authentication.AuthenticationSettings;
import org.openipm.authentication.clone.BrandCloneRulesRepository;
import org.openipm.authentication.clone.CloneDetector;
import org.openipm.authentication.clone.CloneRules;
import org.openipm.authentication.clone.Sighting;
import org.openipm.authentication.request.AuthenticationRepository;
import org.openipm.authentication.request.AuthenticationRequest;
import org.openipm.authentication.request.AuthenticationVerdict;
import org.openipm.authentication.request.CompletionNotices;
import org.openipm.authentication.request.Evidence;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.authentication.AuthenticationCompleted;
import org.openipm.platform.outbox.Outbox;

/**
 * Records a verdict: the answer's id remembered (a replayed answer becomes ERROR), OpenIPM's clone rule applied to a
 * GENUINE answer, then in one statement the request completed, {@code authentication-completed} queued in the outbox
 * and every instance notified (the notice carries the completed request). A request already completed is left as it
 * is. No step needs a transaction: each is one statement, and the last one decides (see
 * {@link AuthenticationRepository#complete}).
 */
@ApplicationScoped
public class VerdictRecorder {

    private final AuthenticationRepository requests;
    private final SeenAnswers seenAnswers;
    private final Outbox outbox;
    private final CloneDetector clones;
    private final BrandCloneRulesRepository cloneRules;
    private final int defaultMaxVerifications;
    private final CompletionNotices notices;

    public VerdictRecorder(AuthenticationRepository requests, SeenAnswers seenAnswers, Outbox outbox,
            AuthenticationSettings settings, BrandCloneRulesRepository cloneRules,
            CompletionNotices notices) {
        this.notices = notices;
        this.cloneRules = cloneRules;
        this.defaultMaxVerifications = settings.clones().maxVerifications();
        this.requests = requests;
        this.seenAnswers = seenAnswers;
        this.outbox = outbox;
        this.clones = new CloneDetector(settings.clones().maxSpeedKmh(), settings.clones().maxVerifications());
    }

    /** False when the request was already completed (by an earlier delivery or another worker) or is unknown. */
    public boolean record(UUID requestId, Judgement judgement, UUID productId, String brandId) {
        Optional<AuthenticationRequest> found = requests.stored(requestId);
        if (found.isEmpty() || found.get().isCompleted()) {
            return false;
        }
        return record(found.get(), judgement, productId, brandId);
    }

    /**
     * Records the verdict of {@code request}, a pending request as stored (read, or as its
     * {@code authentication-requested} event describes it); false when it was completed meanwhile.
     */
    public boolean record(AuthenticationRequest request, Judgement judgement, UUID productId, String brandId) {
        Judgement outcome = judgement;
        boolean sighting = judgement.verdict() == AuthenticationVerdict.GENUINE && request.gtin != null
                && request.serial != null;
        List<Sighting> earlier = List.of();
        boolean firstTime = true;
        if (judgement.answerMessageId() != null && sighting) {
            // The replay check and the sightings the clone rules need, in one round trip.
            SeenAnswers.FirstTimeAndSightings seen = seenAnswers.firstTimeWithSightings(judgement.answerMessageId(),
                    judgement.providerId(), request.id, request.gtin, request.serial);
            firstTime = seen.firstTime();
            earlier = seen.earlierSightings();
        } else if (judgement.answerMessageId() != null) {
            firstTime = seenAnswers.firstTime(judgement.answerMessageId(), judgement.providerId(), request.id);
        } else if (sighting) {
            earlier = requests.sightings(request.gtin, request.serial, request.id);
        }
        if (!firstTime) {
            outcome = Judgement.without(AuthenticationVerdict.ERROR,
                    "answer rejected: replayed (its webhook-id was seen before)", outcome.providerId(),
                    outcome.providerLatencyMs());
        }
        // Only a believed answer is a sighting of the code.
        Optional<CloneDetector.Finding> clone = Optional.empty();
        if (outcome.verdict() == AuthenticationVerdict.GENUINE && sighting) {
            Sighting now = new Sighting(request.id, request.placeCountry, request.placeOffice, request.latitude,
                    request.longitude, request.requestedAt);
            // A first sighting is neither too fast nor over a brand's limit (the least a brand may set is one): the
            // brand's rules are read only when there is something to judge.
            if (!earlier.isEmpty() || defaultMaxVerifications < CloneRules.MIN) {
                UUID product = productId != null ? productId : request.productId;
                CloneRules.VerificationLimit limit = QuarkusTransaction.joiningExisting()
                        .call(() -> cloneRules.of(brandId)).limitFor(product, defaultMaxVerifications);
                clone = clones.judge(now, earlier, limit);
            }
        }
        request.providerVerdict = outcome.answerMessageId() != null ? outcome.verdict() : null;
        request.verdict = outcome.verdict();
        request.confidence = outcome.confidence();
        request.reason = outcome.reason();
        request.evidence = outcome.evidence();
        if (clone.isPresent()) {
            request.verdict = AuthenticationVerdict.SUSPECT;
            request.probableClone = true;
            request.reason = clone.get().reason();
            request.evidence = new Evidence(outcome.evidence().text(), outcome.evidence().facts(),
                    clone.get().earlierSightings());
        }
        request.productId = productId != null ? productId : request.productId;
        request.brandId = brandId;
        request.providerId = outcome.providerId();
        request.providerReference = outcome.providerReference();
        request.providerLatencyMs = outcome.providerLatencyMs();
        request.completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        request.status = AuthenticationRequest.COMPLETED;
        return requests.complete(request, notices.announcementOf(request),
                outbox.stage(Topics.AUTHENTICATION_COMPLETED, request.id.toString(),
                        EventTypes.AUTHENTICATION_COMPLETED, request.completedAt, completedEvent(request)),
                outbox.wakeChannel());
    }

    /** A query is on a Kafka provider's topic: its answer is due by {@code dueAt}. */
    @Transactional
    public void awaitAnswer(UUID requestId, String providerId, UUID productId, String brandId, Instant askedAt,
            Instant dueAt) {
        requests.awaitAnswer(requestId, providerId, productId, brandId, askedAt, dueAt);
    }

    private static AuthenticationCompleted completedEvent(AuthenticationRequest request) {
        Evidence evidence = request.evidence == null ? Evidence.none() : request.evidence;
        return new AuthenticationCompleted(request.id, request.verdict.name(), request.confidence,
                request.probableClone, request.reason,
                new AuthenticationCompleted.Evidence(evidence.text(),
                        evidence.facts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .map(f -> new AuthenticationCompleted.Fact(f.getKey(), f.getValue())).toList(),
                        evidence.earlierSightings().stream().map(s -> new AuthenticationCompleted.Sighting(
                                s.requestId(), s.country(), s.office(), s.latitude(), s.longitude(), s.seenAt()))
                                .toList()),
                request.providerId, request.providerReference, request.providerLatencyMs, request.productId,
                request.brandId, request.gtin, request.serial, request.authority, request.country,
                request.requestedAt, request.completedAt);
    }
}
