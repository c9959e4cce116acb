package org.openipm.authentication.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.openipm.authentication.provider.ActiveProviders;
import org.openipm.authentication.provider.ActiveProviders.ActiveProvider;
import org.openipm.authentication.provider.ConnectorType;
import org.openipm.authentication.provider.Provider;
import org.openipm.authentication.request.AuthenticationRequest;
import org.openipm.authentication.request.AuthenticationVerdict;
import org.openipm.authentication.request.Evidence;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.authentication.AuthenticationRequested;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;
import org.openipm.platform.events.RedrivableConsumer;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.MessageSignatures;

/**
 * The connector worker: for one {@code authentication-requested} event, picks the covering provider, asks it and
 * records the verdict (HTTP), or writes the query to the provider's topic and records when its answer is due
 * (Kafka: {@link ProviderReplyHandler} records the answer, {@link OverdueAnswers} the ERROR of a silent provider). A request whose verdict is already recorded is never sent to a provider again (a crash
 * between the call and the record may call again: the request id makes that safe for the provider).
 */
@ApplicationScoped
public class AuthenticationWorker implements RedrivableConsumer {

    public static final String CONSUMER = "authentication-service.connector";
    static final String NO_PROVIDER = "no provider covers this product";
    private static final Logger LOG = Logger.getLogger(AuthenticationWorker.class);

    private final RequestsToAsk toAsk;
    private final ActiveProviders providers;
    private final HttpConnector http;
    private final KafkaConnector kafka;
    private final VerdictRecorder recorder;
    private final ObjectMapper json;

    public AuthenticationWorker(RequestsToAsk toAsk, ActiveProviders providers, HttpConnector http,
            KafkaConnector kafka, VerdictRecorder recorder, ObjectMapper json) {
        this.kafka = kafka;
        this.toAsk = toAsk;
        this.providers = providers;
        this.http = http;
        this.recorder = recorder;
        this.json = json;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String sourceTopic() {
        return Topics.AUTHENTICATION_REQUESTED;
    }

    /** Re-drive: every database step in one attempt. */
    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        process(record, Runnable::run);
    }

    /**
     * Handles one record; {@code databaseStep} runs each database step (the live consumer retries them through
     * transient failures, so a database outage after the provider answered does not ask the provider again).
     * Throws {@link MalformedEventException} for a record that can never be handled.
     */
    public void process(ConsumerRecord<String, byte[]> record, Consumer<Runnable> databaseStep) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!EventTypes.AUTHENTICATION_REQUESTED.equals(event.type())) {
            return;
        }
        AuthenticationRequested requested = requestedOf(event);
        // One statement, no transaction: whether the request still waits, and the product and brand its code names.
        Holder<Optional<Choice>> choice = new Holder<>();
        databaseStep.accept(() -> {
            RequestsToAsk.RequestToAsk pending = toAsk.of(requested.requestId(), requested.productId(),
                    requested.gtin()).orElseThrow(() -> new MalformedEventException("authentication-requested "
                            + event.id() + " names request " + requested.requestId()
                            + ", which this service never accepted"));
            if (pending.answered()) {
                // Completed, or already sent to a Kafka provider whose answer (or the deadline) completes it.
                LOG.debugf("Request %s is already answered or awaited; not asking again", requested.requestId());
                choice.value = Optional.empty();
                return;
            }
            choice.value = Optional.of(choose(requested, pending));
        });
        if (choice.value.isEmpty()) {
            return;
        }
        Choice chosen = choice.value.get();
        Provider provider = chosen.provider() == null ? null : chosen.provider().provider();
        if (provider != null && provider.connector == ConnectorType.KAFKA) {
            Optional<Judgement> failed = sendToKafka(requested, chosen);
            if (failed.isEmpty()) {
                Instant askedAt = Instant.now();
                databaseStep.accept(() -> recorder.awaitAnswer(requested.requestId(), provider.id,
                        chosen.productId(), chosen.brandId(), askedAt,
                        askedAt.plusMillis(provider.timeoutMs)));
                return;
            }
            databaseStep.accept(() -> recorder.record(pendingOf(requested), failed.get(), chosen.productId(),
                    chosen.brandId()));
            return;
        }
        Judgement judgement = judge(requested, chosen);
        databaseStep.accept(() -> recorder.record(pendingOf(requested), judgement, chosen.productId(),
                chosen.brandId()));
    }

    /**
     * The pending request as its event describes it (written in the same statement as the stored request, from the
     * same values): the verdict is recorded without reading the request again. A new copy for each attempt.
     */
    private static AuthenticationRequest pendingOf(AuthenticationRequested requested) {
        AuthenticationRequested.Place place = requested.place();
        AuthenticationRequest request = new AuthenticationRequest();
        request.id = requested.requestId();
        request.status = AuthenticationRequest.PENDING;
        request.code = requested.code();
        request.codeKind = requested.codeKind();
        request.gtin = requested.gtin();
        request.serial = requested.serial();
        request.productId = requested.productId();
        request.authority = requested.authority();
        request.country = requested.country();
        request.placeCountry = place.country();
        request.placeOffice = place.office();
        request.latitude = place.latitude();
        request.longitude = place.longitude();
        request.requestedAt = requested.requestedAt();
        return request;
    }

    /** Empty once the query is on the provider's topic; the failure as a judgement otherwise. */
    private Optional<Judgement> sendToKafka(AuthenticationRequested requested, Choice choice) {
        Provider provider = choice.provider().provider();
        MessageSignatures signatures = choice.provider().signatures();
        if (signatures == null) {
            return Optional.of(unreadableSecret(provider));
        }
        long start = System.nanoTime();
        try {
            kafka.send(provider, signatures, requested.requestId().toString(), bodyOf(requested, choice));
            return Optional.empty();
        } catch (ProviderCallFailed e) {
            return Optional.of(failed(provider, start, e.getMessage()));
        }
    }

    private String bodyOf(AuthenticationRequested requested, Choice choice) {
        try {
            return json.writeValueAsString(queryOf(requested, choice));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A query cannot be serialised", e);
        }
    }

    /** {@code provider} null when none covers the product. */
    private record Choice(UUID productId, String brandId, ActiveProvider provider) {
    }

    private Choice choose(AuthenticationRequested requested, RequestsToAsk.RequestToAsk pending) {
        if (pending.productId() == null) {
            return new Choice(requested.productId(), null, null);
        }
        List<ActiveProvider> active = providers.all();
        Map<String, ActiveProvider> byId = new HashMap<>();
        active.forEach(p -> byId.put(p.provider().id, p));
        Optional<ProviderSelection.Candidate> chosen = ProviderSelection.choose(active.stream()
                        .map(p -> new ProviderSelection.Candidate(p.provider().id, p.provider().coverage())).toList(),
                pending.brandId(), requested.gtin(), requested.codeKind());
        return new Choice(pending.productId(), pending.brandId(),
                chosen.map(c -> byId.get(c.providerId())).orElse(null));
    }

    private Judgement judge(AuthenticationRequested requested, Choice choice) {
        if (choice.provider() == null) {
            return Judgement.without(AuthenticationVerdict.UNKNOWN, NO_PROVIDER, null, null);
        }
        Provider provider = choice.provider().provider();
        MessageSignatures signatures = choice.provider().signatures();
        if (signatures == null) {
            return unreadableSecret(provider);
        }
        String body = bodyOf(requested, choice);
        long start = System.nanoTime();
        HttpReply reply;
        try {
            reply = http.ask(provider, signatures, requested.requestId().toString(), body);
        } catch (TimeoutException e) {
            return failed(provider, start, "provider timed out (" + provider.timeoutMs + " ms per attempt)");
        } catch (CircuitBreakerOpenException e) {
            return failed(provider, start, "provider not asked: its circuit is open after repeated failures");
        } catch (ProviderCallFailed e) {
            return failed(provider, start, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(provider, start, "provider call interrupted");
        } catch (Exception e) {
            return failed(provider, start, "provider call failed: " + e.getClass().getSimpleName());
        }
        long latency = elapsedMillis(start);
        AnswerCheck.Result checked = AnswerCheck.check(reply, signatures, requested.requestId(), requested.code(),
                json);
        if (checked.answer() == null) {
            return Judgement.without(AuthenticationVerdict.ERROR, checked.rejection(), provider.id, latency);
        }
        AuthenticationAnswer answer = checked.answer();
        AuthenticationAnswer.Evidence evidence = answer.evidence();
        return new Judgement(AuthenticationVerdict.valueOf(answer.verdict().name()), answer.confidence(), null,
                evidence == null ? Evidence.none() : new Evidence(evidence.text(), evidence.facts(), List.of()),
                provider.id, answer.providerReference(), latency, checked.messageId());
    }

    /** ActiveProviders logged why when it read the registry. */
    private static Judgement unreadableSecret(Provider provider) {
        return Judgement.without(AuthenticationVerdict.ERROR, "the provider's secret cannot be read", provider.id,
                null);
    }

    private static Judgement failed(Provider provider, long start, String reason) {
        return Judgement.without(AuthenticationVerdict.ERROR, reason, provider.id, elapsedMillis(start));
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static AuthenticationQuery queryOf(AuthenticationRequested requested, Choice choice) {
        AuthenticationRequested.Place place = requested.place();
        return new AuthenticationQuery(AuthenticationQuery.VERSION, requested.requestId(), requested.code(),
                new AuthenticationQuery.CodeReading(requested.codeKind(), requested.gtin(), requested.serial(),
                        requested.elements().stream()
                                .map(e -> new AuthenticationQuery.Element(e.ai(), e.value())).toList()),
                choice.productId(), choice.brandId(),
                new AuthenticationQuery.Requester(requested.authority(), requested.country()),
                new AuthenticationQuery.Place(place.country(), place.office(), place.latitude(), place.longitude()),
                requested.requestedAt());
    }

    private AuthenticationRequested requestedOf(ReceivedEvent event) {
        AuthenticationRequested requested = event.payloadAs(json, AuthenticationRequested.class);
        if (requested.requestId() == null || requested.code() == null
                || requested.codeKind() == null || requested.place() == null || requested.authority() == null
                || requested.elements() == null || requested.requestedAt() == null) {
            throw new MalformedEventException("authentication-requested " + event.id()
                    + " lacks requestId, code, codeKind, elements, authority, place or requestedAt");
        }
        return requested;
    }

    private static final class Holder<T> {
        T value;
    }
}
