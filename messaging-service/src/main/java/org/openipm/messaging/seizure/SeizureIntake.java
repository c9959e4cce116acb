package org.openipm.messaging.seizure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openipm.events.seizures.SeizureReported;
import org.openipm.messaging.authority.AuthorityRepository;
import org.openipm.messaging.operation.OperationTagging;
import org.openipm.messaging.seizure.matching.SeizureMatching;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * Takes a customs system's batch of seizures in one transaction: each record checked on its own, new ones stored
 * with one multi-row insert and matched in the same transaction ({@link SeizureMatching}, as the consumer of
 * {@code seizure-reported} matches the records customs systems write there), identical re-posts answered as
 * duplicates, other content under a known id as conflicts. The authority is always the caller's, never the record's.
 */
@ApplicationScoped
public class SeizureIntake {

    private final AuthorityRepository authorities;
    private final SeizureReportRepository reports;
    private final OperationTagging operations;
    private final SeizureMatching matching;
    private final ObjectMapper json;
    private final SeizureBatchReader reader;
    private final Clock clock = Clock.systemUTC();

    public SeizureIntake(AuthorityRepository authorities, SeizureReportRepository reports,
            OperationTagging operations, SeizureMatching matching, ObjectMapper json) {
        this.authorities = authorities;
        this.reports = reports;
        this.operations = operations;
        this.matching = matching;
        this.json = json;
        this.reader = new SeizureBatchReader(json);
    }

    /**
     * Takes a posted body {@code {"seizures": [...]}}: each record is read once, straight from the body, and written
     * once, as stored. The accepted ones are matched before the answer: once it is given, they count in the
     * statistics and {@code seizure-matched} is queued for each.
     */
    @Transactional
    public IntakeAnswer report(String authority, byte[] body) {
        List<SeizureBatchReader.Posted> posted;
        try {
            posted = reader.read(body);
        } catch (SeizureBatchReader.UnreadableBody unreadable) {
            posted = null;
        }
        if (posted == null) {
            throw new ProblemException(Problem.of("invalid-seizures", "Bad Request", 400,
                    "the body is {\"seizures\": [...]}, 1-" + SeizureRules.MAX_RECORDS_PER_CALL + " records")
                    .withErrors(List.of(new Problem.FieldError("seizures", "required"))));
        }
        if (posted.size() > SeizureRules.MAX_RECORDS_PER_CALL) {
            throw new ProblemException(Problem.of("too-many-seizures", "Bad Request", 400, "at most "
                    + SeizureRules.MAX_RECORDS_PER_CALL + " seizures per call (" + posted.size() + " given)")
                    .withErrors(List.of(new Problem.FieldError("seizures", "at most "
                            + SeizureRules.MAX_RECORDS_PER_CALL + " records"))));
        }
        requireRegistered(authority);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Taken> taken = take(authority, posted, now);
        matching.matchInserted(taken.stream().filter(one -> one.result().status() == IntakeResult.Status.ACCEPTED)
                .map(one -> new SeizureMatching.Reported(one.event(), one.contentSha256())).toList());
        return IntakeAnswer.of(taken.stream().map(Taken::result).toList());
    }

    /**
     * What became of one record and, unless it was rejected, the seizure it reports (stamped with the time it was
     * taken), the SHA-256 of its content, which tells its versions apart, and the seizure as JSON (what is stored,
     * written once).
     */
    public record Taken(IntakeResult result, SeizureReported event, String contentSha256, String written) {

        static Taken rejected(IntakeResult result) {
            return new Taken(result, null, null, null);
        }
    }

    /**
     * Takes records a customs system wrote onto {@code seizure-reported} itself, for the authority its credentials
     * prove: checked and stored exactly as posted ones (the same duplicates and conflicts); the caller matches them
     * in its own transaction, which this joins.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Taken> takeFromTopic(String authority, List<JsonNode> records, Instant at) {
        if (authorities.findByIdOptional(authority).isEmpty()) {
            return records.stream().map(r -> Taken.rejected(IntakeResult.rejected(0, null, "authority",
                    "the authority " + authority + " is not in the directory of authorities"))).toList();
        }
        return take(authority, records.stream().map(reader::read).toList(), at.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * The seizure a record reports for the authority and the hash of its content, as the intake would store it;
     * empty with the reason when the record breaks a rule.
     */
    public Taken read(String authority, JsonNode record, Instant at) {
        try {
            Instant stamp = at.truncatedTo(ChronoUnit.MICROS);
            return candidate(0, authority, reader.read(record), stamp, stampOf(stamp))
                    .taken(IntakeResult.Status.ACCEPTED);
        } catch (RejectedRecord rejected) {
            return Taken.rejected(IntakeResult.rejected(0, rejected.externalId, rejected.field,
                    rejected.getMessage()));
        }
    }

    /** Checks each record on its own and stores the new ones with one multi-row insert. */
    private List<Taken> take(String authority, List<SeizureBatchReader.Posted> posted, Instant now) {
        Taken[] results = new Taken[posted.size()];
        Candidate[] read = new Candidate[posted.size()];
        byte[] stamp = stampOf(now);
        for (int i = 0; i < posted.size(); i++) {
            try {
                read[i] = candidate(i, authority, posted.get(i), now, stamp);
            } catch (RejectedRecord rejected) {
                results[i] = Taken.rejected(IntakeResult.rejected(i, rejected.externalId, rejected.field,
                        rejected.getMessage()));
            }
        }
        refuseOperationsNotTheirs(authority, read, results);
        Map<String, Candidate> firstById = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < posted.size(); i++) {
            Candidate candidate = read[i];
            if (candidate == null) {
                continue;
            }
            Candidate earlier = firstById.putIfAbsent(candidate.row.externalId(), candidate);
            if (earlier != null) {
                results[i] = candidate.taken(earlier.row.contentSha256().equals(candidate.row.contentSha256())
                        ? IntakeResult.Status.DUPLICATE : IntakeResult.Status.CONFLICT);
                continue;
            }
            candidates.add(candidate);
        }
        if (!candidates.isEmpty()) {
            Set<String> inserted = reports.insertNew(authority, candidates.stream().map(c -> c.row).toList(), now);
            List<String> existing = candidates.stream().map(c -> c.row.externalId())
                    .filter(id -> !inserted.contains(id)).toList();
            Map<String, String> storedHashes = existing.isEmpty() ? Map.of() : reports.hashesOf(authority, existing);
            for (Candidate candidate : candidates) {
                String id = candidate.row.externalId();
                results[candidate.index] = candidate.taken(inserted.contains(id) ? IntakeResult.Status.ACCEPTED
                        : candidate.row.contentSha256().equals(storedHashes.get(id))
                                ? IntakeResult.Status.DUPLICATE : IntakeResult.Status.CONFLICT);
            }
        }
        return List.of(results);
    }

    /**
     * A record naming an operation its authority does not take part in, or on a day outside the operation's period,
     * is rejected (field {@code operationId}) rather than counted elsewhere: the customs system learns of its mistake.
     */
    private void refuseOperationsNotTheirs(String authority, Candidate[] read, Taken[] results) {
        List<Candidate> naming = java.util.Arrays.stream(read)
                .filter(c -> c != null && c.event.operationId() != null).toList();
        if (naming.isEmpty()) {
            return;
        }
        List<Optional<String>> refusals = operations.seizureRefusals(authority, naming.stream()
                .map(c -> new OperationTagging.Named(c.event.operationId(), c.event.seizedOn())).toList());
        for (int i = 0; i < naming.size(); i++) {
            Candidate candidate = naming.get(i);
            refusals.get(i).ifPresent(reason -> {
                results[candidate.index] = Taken.rejected(IntakeResult.rejected(candidate.index,
                        candidate.row.externalId(), "operationId", reason));
                read[candidate.index] = null;
            });
        }
    }

    /**
     * Replaces the content of a seizure the authority reported before and matches the new version in the same
     * transaction; an identical amendment changes nothing ({@code DUPLICATE}). Empty when the authority has no seizure
     * of that id.
     */
    @Transactional
    public Optional<IntakeResult> amend(String authority, String externalId, JsonNode posted) {
        requireRegistered(authority);
        Candidate candidate;
        try {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            candidate = candidate(0, authority, reader.read(posted), now, stampOf(now));
        } catch (RejectedRecord rejected) {
            throw new ProblemException(Problem.of("invalid-seizure", "Bad Request", 400, rejected.getMessage())
                    .withErrors(List.of(new Problem.FieldError(rejected.field, rejected.getMessage()))));
        }
        Candidate[] read = {candidate};
        Taken[] refused = new Taken[1];
        refuseOperationsNotTheirs(authority, read, refused);
        if (refused[0] != null) {
            throw new ProblemException(Problem.of("invalid-seizure", "Bad Request", 400, "operationId: "
                    + refused[0].result().reason()).withErrors(List.of(new Problem.FieldError("operationId",
                    refused[0].result().reason()))));
        }
        if (!externalId.equals(candidate.row.externalId())) {
            throw new ProblemException(Problem.of("invalid-seizure", "Bad Request", 400,
                    "externalId must be the one in the path (" + externalId + ")")
                    .withErrors(List.of(new Problem.FieldError("externalId", "must be " + externalId))));
        }
        Optional<String> stored = reports.hashOf(authority, externalId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (stored.get().equals(candidate.row.contentSha256())) {
            return Optional.of(IntakeResult.of(0, externalId, IntakeResult.Status.DUPLICATE));
        }
        reports.amend(authority, candidate.row, candidate.event.reportedAt());
        matching.matchAll(List.of(new SeizureMatching.Reported(candidate.event, candidate.row.contentSha256())));
        return Optional.of(IntakeResult.of(0, externalId, IntakeResult.Status.ACCEPTED));
    }

    private void requireRegistered(String authority) {
        if (authorities.findByIdOptional(authority).isEmpty()) {
            throw ProblemException.forbidden("The authority " + authority + " is not in the directory of "
                    + "authorities; an administrator registers it before its customs system reports seizures");
        }
    }

    private record Candidate(int index, SeizureReported event, SeizureReportRepository.Row row) {

        Taken taken(IntakeResult.Status status) {
            return new Taken(IntakeResult.of(index, row.externalId(), status), event, row.contentSha256(),
                    row.reportJson());
        }
    }

    /**
     * Checks one record read from a body and writes it once: the content hash is taken over the seizure written
     * without its time stamp ({@code "reportedAt":null}, so that a re-post is a duplicate), and the report stored is
     * those bytes with the stamp put in place of that null, byte for byte what writing the stamped seizure would give.
     */
    private Candidate candidate(int index, String authority, SeizureBatchReader.Posted posted, Instant now,
            byte[] stamp) {
        if (posted.seizure() == null) {
            throw new RejectedRecord(posted.externalId(), posted.field(), posted.reason());
        }
        SeizureRecord seizure = posted.seizure();
        Optional<SeizureRules.Violation> broken = SeizureRules.check(seizure, clock);
        if (broken.isPresent()) {
            throw new RejectedRecord(seizure.externalId(), broken.get().field(), broken.get().reason());
        }
        byte[] unstamped = write(reported(authority, seizure, null));
        byte[] written = stamped(unstamped, stamp);
        return new Candidate(index, reported(authority, seizure, now), new SeizureReportRepository.Row(
                seizure.externalId(), sha256(unstamped), new String(written, StandardCharsets.UTF_8)));
    }

    /** {@code reportedAt} is the record's last field but one, and {@code openCase} after it is a literal. */
    private static final byte[] UNSTAMPED = ",\"reportedAt\":null,\"openCase\":".getBytes(StandardCharsets.UTF_8);

    /** The seizure written without its stamp, with the stamp (the time written as JSON) in place of its null. */
    static byte[] stamped(byte[] unstamped, byte[] stamp) {
        int at = lastIndexOf(unstamped, UNSTAMPED);
        if (at < 0) {
            throw new IllegalStateException("A seizure written as JSON has no reportedAt before openCase");
        }
        int nullAt = at + UNSTAMPED.length - ",\"openCase\":".length() - "null".length();
        byte[] written = new byte[unstamped.length - 4 + stamp.length];
        System.arraycopy(unstamped, 0, written, 0, nullAt);
        System.arraycopy(stamp, 0, written, nullAt, stamp.length);
        System.arraycopy(unstamped, nullAt + 4, written, nullAt + stamp.length, unstamped.length - nullAt - 4);
        return written;
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        for (int i = bytes.length - part.length; i >= 0; i--) {
            int j = 0;
            while (j < part.length && bytes[i + j] == part[j]) {
                j++;
            }
            if (j == part.length) {
                return i;
            }
        }
        return -1;
    }

    private byte[] stampOf(Instant at) {
        try {
            return json.writeValueAsBytes(at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A time cannot be written as JSON", e);
        }
    }

    private static SeizureReported reported(String authority, SeizureRecord s, Instant at) {
        return new SeizureReported(authority, s.externalId(), s.seizedOn(), s.country(), s.office(),
                s.transportMode(),
                s.goods().stream().map(g -> new SeizureReported.Goods(g.codes() == null ? List.of() : g.codes(),
                        g.description(), g.quantity(), g.unit())).toList(),
                s.estimatedValue(), s.currency(),
                s.consignor() == null ? null
                        : new SeizureReported.Party(s.consignor().name(), s.consignor().country(),
                                s.consignor().url()),
                s.caseId(), s.operationId(), at, s.openCase());
    }

    private byte[] write(SeizureReported event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A seizure cannot be written as JSON", e);
        }
    }

    /** Hex SHA-256 of the bytes, as {@code seizure_report} keeps it. */
    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One record refused: its id if it had one, the field and why. */
    private static final class RejectedRecord extends RuntimeException {
        private final String externalId;
        private final String field;

        RejectedRecord(String externalId, String field, String reason) {
            super(reason, null, false, false);
            this.externalId = externalId;
            this.field = field;
        }
    }
}
