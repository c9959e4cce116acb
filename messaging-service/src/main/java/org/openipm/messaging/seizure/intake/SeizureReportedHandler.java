package org.openipm.messaging.seizure.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.seizures.SeizureReported;
import org.openipm.messaging.seizure.IntakeResult;
import org.openipm.messaging.seizure.SeizureIntake;
import org.openipm.messaging.seizure.SeizureReportRepository;
import org.openipm.messaging.seizure.matching.SeizureMatching;
import org.openipm.platform.events.DeadLetters;
import org.openipm.platform.events.RedrivableConsumer;
import org.openipm.platform.events.TransientFailures;
import org.openipm.platform.events.TransientRetry;

/**
 * Takes a poll of {@code seizure-reported} records in one transaction and matches them. A record is one of:
 * <ul>
 * <li>written by a customs system with its token in {@link ProducerTokens#HEADER}: the token proves the authority
 * ({@code org}); the record is checked and stored as the API would (same rules, duplicates and conflicts);</li>
 * <li>without a token: it is trusted only when messaging-service already holds a report of that authority and
 * external id with the very same content, read and checked as the intake would (a record the API wrote here before
 * it matched its seizures itself, or one copied back from the dead-letter topic, can add nothing new); a version an
 * amendment replaced changes nothing; anything else is unverifiable.</li>
 * </ul>
 * Malformed, unverifiable, conflicting or rule-breaking records are set aside on
 * {@code seizure-reported.dlq.messaging-service} with the reason, after the batch's commit; the others are
 * matched ({@link SeizureMatching}, exactly once per version of a seizure). A transient failure retries the whole
 * batch (nothing of it was committed); a failure for good retries each record alone so that only the culprit is
 * set aside.
 */
@ApplicationScoped
public class SeizureReportedHandler implements RedrivableConsumer {

    public static final String CONSUMER = "messaging-service.seizures";
    private static final Logger LOG = Logger.getLogger(SeizureReportedHandler.class);

    private final ProducerTokens tokens;
    private final SeizureIntake intake;
    private final SeizureReportRepository reports;
    private final SeizureMatching matching;
    private final DeadLetters deadLetters;
    private final TransientRetry retry;
    private final ObjectMapper json;
    private final Clock clock;

    public SeizureReportedHandler(ProducerTokens tokens, SeizureIntake intake, SeizureReportRepository reports,
            SeizureMatching matching, DeadLetters deadLetters, TransientRetry retry, ObjectMapper json, Clock clock) {
        this.tokens = tokens;
        this.intake = intake;
        this.reports = reports;
        this.matching = matching;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A record read far enough to be judged: with a producer token, its proven authority and its JSON; without,
     * nothing yet (it is read when checked against the stored reports).
     */
    private record Readable(ConsumerRecord<String, byte[]> record, String authority, boolean proven, JsonNode seizure) {
    }

    /** A record set aside, and why. */
    private record SetAside(ConsumerRecord<String, byte[]> record, RuntimeException reason) {
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String sourceTopic() {
        return Topics.SEIZURE_REPORTED;
    }

    /** Applies a poll; returns once it is committed and its poison set aside (or throws ConsumerStopping). */
    public void handle(List<ConsumerRecord<String, byte[]>> records) {
        List<Readable> readable = new ArrayList<>(records.size());
        List<SetAside> setAside = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                readableOf(record).ifPresent(readable::add);
            } catch (UnverifiableRecordException e) {
                setAside.add(new SetAside(record, e));
            }
        }
        List<SetAside> judged = new ArrayList<>();
        retry.untilDone(CONSUMER, () -> {
            judged.clear();
            judged.addAll(applyIsolatingPoison(readable));
        });
        setAside.addAll(judged);
        for (SetAside one : setAside) {
            LOG.debugf("Seizure record %s@%d set aside: %s", one.record().topic(), one.record().offset(),
                    one.reason().getMessage());
            retry.untilDone(CONSUMER, () -> deadLetters.send(one.record(), one.reason()));
        }
    }

    /** Re-drives one dead letter: applied in a transaction of its own, or the reason it still cannot be. */
    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        Optional<Readable> readable = readableOf(record);
        if (readable.isEmpty()) {
            return;
        }
        List<SetAside> refused = QuarkusTransaction.requiringNew().call(() -> apply(List.of(readable.get())));
        if (!refused.isEmpty()) {
            throw refused.get(0).reason();
        }
    }

    private List<SetAside> applyIsolatingPoison(List<Readable> readable) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(readable));
        } catch (RuntimeException batchFailed) {
            if (TransientFailures.isTransient(batchFailed) || readable.size() == 1) {
                if (readable.size() == 1 && !TransientFailures.isTransient(batchFailed)) {
                    return List.of(new SetAside(readable.get(0).record(), batchFailed));
                }
                throw batchFailed;
            }
        }
        List<SetAside> setAside = new ArrayList<>();
        for (Readable one : readable) {
            try {
                setAside.addAll(QuarkusTransaction.requiringNew().call(() -> apply(List.of(one))));
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                setAside.add(new SetAside(one.record(), e));
            }
        }
        return setAside;
    }

    /** One transaction: takes the proven records, checks the others against the stored reports, matches. */
    private List<SetAside> apply(List<Readable> batch) {
        List<SetAside> setAside = new ArrayList<>();
        Instant now = clock.instant();
        Map<Readable, SeizureMatching.Reported> reported = new LinkedHashMap<>();
        batch.forEach(r -> reported.put(r, null));

        Map<String, List<Readable>> provenByAuthority = new LinkedHashMap<>();
        batch.stream().filter(Readable::proven)
                .forEach(r -> provenByAuthority.computeIfAbsent(r.authority(), a -> new ArrayList<>()).add(r));
        provenByAuthority.forEach((authority, records) -> {
            List<SeizureIntake.Taken> taken = intake.takeFromTopic(authority,
                    records.stream().map(Readable::seizure).toList(), now);
            for (int i = 0; i < records.size(); i++) {
                SeizureIntake.Taken one = taken.get(i);
                switch (one.result().status()) {
                    case ACCEPTED, DUPLICATE -> reported.put(records.get(i),
                            new SeizureMatching.Reported(one.event(), one.contentSha256()));
                    case CONFLICT -> setAside.add(new SetAside(records.get(i).record(), new UnverifiableRecordException(
                            "conflict: " + authority + " already reported " + one.result().externalId()
                                    + " with other content; amend it with PUT /api/v1/seizures/{externalId}")));
                    case REJECTED -> setAside.add(new SetAside(records.get(i).record(), rejected(one.result())));
                }
            }
        });

        checkByContent(batch.stream().filter(r -> !r.proven()).toList(), reported, setAside, now);
        matching.matchAll(reported.values().stream().filter(r -> r != null).toList());
        return setAside;
    }

    /**
     * Records without a token: read and checked as the intake would, then trusted only if their content is the
     * stored report's.
     */
    private void checkByContent(List<Readable> unrecognised, Map<Readable, SeizureMatching.Reported> reported,
            List<SetAside> setAside, Instant now) {
        List<Readable> claimed = new ArrayList<>();
        List<Readable> delivered = new ArrayList<>();
        List<SeizureIntake.Taken> read = new ArrayList<>();
        for (Readable record : unrecognised) {
            try {
                Readable parsed = claimedOf(record.record());
                read.add(intake.read(parsed.authority(), parsed.seizure(), now));
                claimed.add(parsed);
                delivered.add(record);
            } catch (UnverifiableRecordException e) {
                setAside.add(new SetAside(record.record(), e));
            }
        }
        List<List<String>> keys = new ArrayList<>();
        for (SeizureIntake.Taken one : read) {
            if (one.event() != null) {
                keys.add(List.of(one.event().authority(), one.event().externalId()));
            }
        }
        Map<List<String>, SeizureReportRepository.Versions> versions = keys.isEmpty() ? Map.of()
                : reports.versionsOf(keys);
        for (int i = 0; i < claimed.size(); i++) {
            SeizureIntake.Taken one = read.get(i);
            Readable record = claimed.get(i);
            if (one.event() == null) {
                setAside.add(new SetAside(record.record(), rejected(one.result())));
                continue;
            }
            SeizureReportRepository.Versions held = versions.get(List.of(one.event().authority(),
                    one.event().externalId()));
            if (held != null && held.current().equals(one.contentSha256())) {
                reported.put(delivered.get(i), new SeizureMatching.Reported(one.event(), one.contentSha256()));
            } else if (held == null || !held.superseded().contains(one.contentSha256())) {
                setAside.add(new SetAside(record.record(), new UnverifiableRecordException("unverifiable: the record "
                        + "carries no producer token (header " + ProducerTokens.HEADER + ") and "
                        + record.authority() + " holds no report of " + one.event().externalId()
                        + " with this content")));
            } // else: a version an amendment replaced, delivered again: nothing to do
        }
    }

    private static UnverifiableRecordException rejected(IntakeResult result) {
        return new UnverifiableRecordException("malformed: " + (result.field() == null || result.field().isEmpty()
                ? "" : result.field() + ": ") + result.reason());
    }

    /**
     * The record's authority and JSON, or why it cannot be judged (thrown). Empty for another event type on the
     * topic (a later version this one does not know: not poison).
     */
    private Optional<Readable> readableOf(ConsumerRecord<String, byte[]> record) {
        String type = CloudEventHeaders.value(record.headers(), CloudEventHeaders.TYPE);
        if (type != null && !type.equals(EventTypes.SEIZURE_REPORTED)) {
            LOG.debugf("Ignoring a record of type %s on %s", type, record.topic());
            return Optional.empty();
        }
        if (record.value() == null) {
            throw new UnverifiableRecordException("malformed: the record has no payload");
        }
        String token = CloudEventHeaders.value(record.headers(), ProducerTokens.HEADER);
        if (token == null) {
            return Optional.of(new Readable(record, null, false, null));
        }
        JsonNode seizure = jsonOf(record);
        String claimed = claimedAuthority(seizure);
        String authority = tokens.authorityOf(token.strip(), Instant.ofEpochMilli(record.timestamp()));
        if (claimed != null && !claimed.equals(authority)) {
            throw new UnverifiableRecordException("unverifiable: the record names the authority " + claimed
                    + " but its producer token speaks for " + authority);
        }
        String externalId = seizure.path("externalId").asText("");
        String expectedKey = SeizureReported.keyOf(authority, externalId);
        if (!expectedKey.equals(record.key())) {
            throw new UnverifiableRecordException("malformed: the record key must be " + expectedKey
                    + " (authority/externalId), so that the versions of a seizure keep their order");
        }
        return Optional.of(new Readable(record, authority, true, seizure));
    }

    /** A record without a token, read: its claimed authority and its JSON (thrown: why it cannot be judged). */
    private Readable claimedOf(ConsumerRecord<String, byte[]> record) {
        JsonNode seizure = jsonOf(record);
        String claimed = claimedAuthority(seizure);
        if (claimed == null) {
            throw new UnverifiableRecordException("unverifiable: no producer token (header "
                    + ProducerTokens.HEADER + ") and no authority");
        }
        return new Readable(record, claimed, false, seizure);
    }

    private JsonNode jsonOf(ConsumerRecord<String, byte[]> record) {
        JsonNode seizure;
        try {
            seizure = json.readTree(record.value());
        } catch (IOException e) {
            throw new UnverifiableRecordException("malformed: the payload is not JSON: " + e.getMessage());
        }
        if (seizure == null || !seizure.isObject()) {
            throw new UnverifiableRecordException("malformed: the payload is not a JSON object");
        }
        return seizure;
    }

    private static String claimedAuthority(JsonNode seizure) {
        return seizure.path("authority").isTextual() ? seizure.get("authority").asText() : null;
    }
}
