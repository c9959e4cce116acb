package org.openipm.reference.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openipm.platform.problem.ProblemException;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.reference.ReferenceProviderSettings;
import org.openipm.reference.codes.ReferenceCode;
import org.openipm.reference.keys.ProviderKeys;

/**
 * Judges a verified query once per request id: the claim, the counted scan and what the answer is made of commit in
 * one statement, and a repeated query gets the very same answer without being counted again: the stored answer of a
 * code that needed nothing from the store (not this provider's, or forged), an issued code's answer rebuilt from its
 * scan (see {@link AnswerLedger}).
 */
@ApplicationScoped
public class AuthenticationService {

    private final AnswerLedger ledger;
    private final ProviderKeys keys;
    private final ObjectMapper json;
    private final ReferenceProviderSettings settings;

    public AuthenticationService(AnswerLedger ledger, ProviderKeys keys, ObjectMapper json,
            ReferenceProviderSettings settings) {
        this.ledger = ledger;
        this.keys = keys;
        this.json = json;
        this.settings = settings;
    }

    /** @return the answer's JSON, exactly as first given for this request id */
    public String answer(AuthenticationQuery query) {
        Instant now = Instant.now();
        String reference = UUID.randomUUID().toString();
        Optional<ReferenceCode> parsed = ReferenceCode.parse(settings.codeBaseUrl(), query.code());
        if (parsed.isEmpty() || !keys.codeSignature().verifies(parsed.get().gtin(), parsed.get().serial(),
                parsed.get().signature())) {
            String answer = write(parsed.isEmpty() ? Judgement.notOurs(query.requestId(), query.code(), reference)
                    : Judgement.forged(query.requestId(), query.code(), reference));
            return ledger.claimAnswered(query.requestId(), query.code(), now, answer)
                    .map(earlier -> repeated(query, earlier, null)).orElse(answer);
        }
        ReferenceCode code = parsed.get();
        Instant scannedAt = query.requestedAt() != null ? query.requestedAt() : now;
        String country = query.place() != null && query.place().country() != null ? query.place().country()
                : query.requester() != null ? query.requester().country() : null;
        int threshold = settings.suspectAfterScans();
        AnswerLedger.Counted counted = ledger.claimAndCount(query, code, country, scannedAt, now, reference, threshold);
        if (!counted.claimed()) {
            return repeated(query, ledger.earlier(query.requestId(), code), code);
        }
        return write(issuedOrNot(query, code, counted.history(), threshold, reference));
    }

    private static AuthenticationAnswer issuedOrNot(AuthenticationQuery query, ReferenceCode code,
            Optional<ScanHistory> history, Integer threshold, String reference) {
        return history.map(scans -> Judgement.issued(query.requestId(), query.code(), scans, threshold, reference))
                .orElseGet(() -> Judgement.neverIssued(query.requestId(), query.code(), code.gtin(), code.serial(),
                        reference));
    }

    /**
     * The very answer given before, for the same code; a request id reused for another code is refused.
     *
     * @param code the query's code when it is of this provider's format with a valid signature, else null
     */
    private String repeated(AuthenticationQuery query, AnswerLedger.Earlier earlier, ReferenceCode code) {
        if (!earlier.code().equals(query.code())) {
            throw ProblemException.conflict("request-id-reused",
                    "Request " + query.requestId() + " was already asked about another code");
        }
        if (earlier.answerJson() != null || code == null) {
            return earlier.answerJson();
        }
        return write(issuedOrNot(query, code, earlier.history(), earlier.suspectAfterScans(), earlier.reference()));
    }

    private String write(AuthenticationAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer record always serialises", e);
        }
    }
}
