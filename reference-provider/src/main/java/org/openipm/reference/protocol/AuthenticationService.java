package org.openipm.reference.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openipm.platform.problem.ProblemException;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.reference.ReferenceProviderSettings;
import org.openipm.reference.codes.IssuedCode;
import org.openipm.reference.codes.IssuedCodeRepository;
import org.openipm.reference.codes.ReferenceCode;
import org.openipm.reference.codes.Scan;
import org.openipm.reference.codes.ScanRepository;
import org.openipm.reference.keys.ProviderKeys;

/**
 * Judges a verified query once per request id: the judgement, the counted scan and the answer kept for a repeat
 * commit together, and a repeated query gets the very same answer without being counted again.
 */
@ApplicationScoped
public class AuthenticationService {

    private final AnsweredQueryRepository answered;
    private final IssuedCodeRepository codes;
    private final ScanRepository scans;
    private final ProviderKeys keys;
    private final ObjectMapper json;
    private final ReferenceProviderSettings settings;

    public AuthenticationService(AnsweredQueryRepository answered, IssuedCodeRepository codes, ScanRepository scans,
            ProviderKeys keys, ObjectMapper json, ReferenceProviderSettings settings) {
        this.answered = answered;
        this.codes = codes;
        this.scans = scans;
        this.keys = keys;
        this.json = json;
        this.settings = settings;
    }

    /** @return the answer's JSON, exactly as first given for this request id */
    @Transactional
    public String answer(AuthenticationQuery query) {
        Instant now = Instant.now();
        Optional<AnsweredQuery> earlier = answered.claim(query.requestId(), query.code(), now);
        if (earlier.isPresent()) {
            if (!earlier.get().code.equals(query.code())) {
                throw ProblemException.conflict("request-id-reused",
                        "Request " + query.requestId() + " was already asked about another code");
            }
            return earlier.get().answerJson;
        }
        String answer = write(judge(query, now));
        AnsweredQuery record = answered.findById(query.requestId());
        record.answerJson = answer;
        return answer;
    }

    private AuthenticationAnswer judge(AuthenticationQuery query, Instant now) {
        String reference = UUID.randomUUID().toString();
        Optional<ReferenceCode> parsed = ReferenceCode.parse(settings.codeBaseUrl(), query.code());
        if (parsed.isEmpty()) {
            return Judgement.notOurs(query.requestId(), query.code(), reference);
        }
        ReferenceCode code = parsed.get();
        if (!keys.codeSignature().verifies(code.gtin(), code.serial(), code.signature())) {
            return Judgement.forged(query.requestId(), query.code(), reference);
        }
        Optional<IssuedCode> issued = codes.findForScan(code.gtin(), code.serial());
        if (issued.isEmpty()) {
            return Judgement.neverIssued(query.requestId(), query.code(), code.gtin(), code.serial(), reference);
        }
        return Judgement.issued(query.requestId(), query.code(), countScan(issued.get(), query, now),
                settings.suspectAfterScans(), reference);
    }

    private ScanHistory countScan(IssuedCode code, AuthenticationQuery query, Instant now) {
        Instant scannedAt = query.requestedAt() != null ? query.requestedAt() : now;
        String country = query.place() != null && query.place().country() != null ? query.place().country()
                : query.requester() != null ? query.requester().country() : null;
        code.scanCount++;
        if (code.firstSeenAt == null) {
            code.firstSeenAt = scannedAt;
            code.firstSeenCountry = country;
        }
        Scan scan = new Scan();
        scan.id = UUID.randomUUID();
        scan.codeId = code.id;
        scan.requestId = query.requestId();
        scan.authority = query.requester() != null ? query.requester().authority() : null;
        scan.country = country;
        if (query.place() != null) {
            scan.office = query.place().office();
            scan.latitude = query.place().latitude();
            scan.longitude = query.place().longitude();
        }
        scan.scannedAt = scannedAt;
        scan.receivedAt = now;
        scans.persist(scan);
        return new ScanHistory(code.scanCount, code.firstSeenCountry, code.firstSeenAt);
    }

    private String write(AuthenticationAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer record always serialises", e);
        }
    }
}
