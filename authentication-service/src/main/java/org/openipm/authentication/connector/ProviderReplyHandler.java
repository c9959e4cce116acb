package org.openipm.authentication.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.openipm.authentication.provider.ConnectorType;
import org.openipm.authentication.provider.Provider;
import org.openipm.authentication.provider.ProviderRepository;
import org.openipm.authentication.provider.ProviderSecrets;
import org.openipm.authentication.request.AuthenticationRepository;
import org.openipm.authentication.request.AuthenticationRequest;
import org.openipm.authentication.request.AuthenticationVerdict;
import org.openipm.authentication.request.Evidence;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.MessageSignatures;

/**
 * The Kafka connector's receiving half: an answer on {@code ssp.<provider id>.replies} is checked exactly as an
 * HTTP answer is (signature, age, request and code, replay) and recorded for the request it names, if that request
 * awaits this very provider. A reply for a request already completed (late, or repeated) changes nothing.
 */
@ApplicationScoped
public class ProviderReplyHandler {

    static final String PREFIX = "ssp.";
    static final String SUFFIX = ".replies";
    private static final Logger LOG = Logger.getLogger(ProviderReplyHandler.class);

    private final ProviderRepository providers;
    private final AuthenticationRepository requests;
    private final ProviderSecrets secrets;
    private final VerdictRecorder recorder;
    private final ObjectMapper json;

    public ProviderReplyHandler(ProviderRepository providers, AuthenticationRepository requests,
            ProviderSecrets secrets, VerdictRecorder recorder, ObjectMapper json) {
        this.providers = providers;
        this.requests = requests;
        this.secrets = secrets;
        this.recorder = recorder;
        this.json = json;
    }

    private record Awaiting(Provider provider, AuthenticationRequest request) {
    }

    /** Throws {@link MalformedEventException} for a record that names no request or comes from no Kafka provider. */
    public void handle(ConsumerRecord<String, byte[]> record, Consumer<Runnable> databaseStep) {
        String topic = record.topic();
        if (!topic.startsWith(PREFIX) || !topic.endsWith(SUFFIX) || record.value() == null) {
            throw new MalformedEventException("record on " + topic + " is not a provider's reply");
        }
        String providerId = topic.substring(PREFIX.length(), topic.length() - SUFFIX.length());
        String body = new String(record.value(), StandardCharsets.UTF_8);
        UUID requestId = requestIdOf(body, topic);
        Holder<Optional<Awaiting>> awaiting = new Holder<>();
        databaseStep.accept(() -> awaiting.value = QuarkusTransaction.requiringNew().call(() -> {
            Provider provider = providers.findById(providerId);
            if (provider == null || provider.connector != ConnectorType.KAFKA) {
                throw new MalformedEventException("reply on " + topic + " from no registered Kafka provider");
            }
            return requests.findByIdOptional(requestId)
                    .filter(r -> !r.isCompleted() && providerId.equals(r.providerId) && r.askedAt != null)
                    .map(r -> new Awaiting(provider, r));
        }));
        if (awaiting.value.isEmpty()) {
            LOG.debugf("Reply of %s for request %s, which does not await it; ignored", providerId, requestId);
            return;
        }
        Provider provider = awaiting.value.get().provider();
        AuthenticationRequest request = awaiting.value.get().request();
        long latency = Duration.between(request.askedAt, Instant.now()).toMillis();
        Judgement judgement = judge(provider, request, record, body, latency);
        databaseStep.accept(() -> recorder.record(request.id, judgement, request.productId, request.brandId));
    }

    private Judgement judge(Provider provider, AuthenticationRequest request, ConsumerRecord<String, byte[]> record,
            String body, long latency) {
        MessageSignatures signatures;
        try {
            signatures = secrets.signaturesOf(provider);
        } catch (RuntimeException e) {
            return Judgement.without(AuthenticationVerdict.ERROR, "the provider's secret cannot be read",
                    provider.id, latency);
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of(MessageSignatures.ID, MessageSignatures.TIMESTAMP, MessageSignatures.SIGNATURE)) {
            Header header = record.headers().lastHeader(name);
            if (header != null) {
                headers.put(name, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        AnswerCheck.Result checked = AnswerCheck.check(new HttpReply(headers, body), signatures, request.id,
                request.code, json);
        if (checked.answer() == null) {
            return Judgement.without(AuthenticationVerdict.ERROR, checked.rejection(), provider.id, latency);
        }
        AuthenticationAnswer answer = checked.answer();
        AuthenticationAnswer.Evidence evidence = answer.evidence();
        return new Judgement(AuthenticationVerdict.valueOf(answer.verdict().name()), answer.confidence(), null,
                evidence == null ? Evidence.none() : new Evidence(evidence.text(), evidence.facts(), List.of()),
                provider.id, answer.providerReference(), latency, checked.messageId());
    }

    private UUID requestIdOf(String body, String topic) {
        try {
            JsonNode requestId = json.readTree(body).path("requestId");
            return UUID.fromString(requestId.asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("reply on " + topic + " names no request id");
        }
    }

    private static final class Holder<T> {
        T value;
    }
}
