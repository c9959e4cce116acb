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
import org.openipm.reference.codes.ReferenceCode;
import org.openipm.reference.keys.ProviderKeys;

/**
 * Judges a verified query once per request id: the judgement, the counted scan and the answer kept for a repeat
 * commit together, and a repeated query gets the very same answer without being counted again. A code that needs
 * nothing from the store (not this provider's, or forged) costs one statement; an issued code two (claim and count,
 * then the answer), in one transaction (see {@link AnswerLedger}).
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
    @Transactional
    public String answer(AuthenticationQuery query) {
        Instant now = Instant.now();
        String reference = UUID.randomUUID().toString();
        Optional<ReferenceCode> parsed = ReferenceCode.parse(settings.codeBaseUrl(), query.code());
        if (parsed.isEmpty() || !keys.codeSignature().verifies(parsed.get().gtin(), parsed.get().serial(),
                parsed.get().signature())) {
            String answer = write(parsed.isEmpty() ? Judgement.notOurs(query.requestId(), query.code(), reference)
                    : Judgement.forged(query.requestId(), query.code(), reference));
            return ledger.claimAnswered(query.requestId(), query.code(), now, answer)
                    .map(earlier -> repeated(query, earlier)).orElse(answer);
        }
        ReferenceCode code = parsed.get();
        Instant scannedAt = query.requestedAt() != null ? query.requestedAt() : now;
        String country = query.place() != null && query.place().country() != null ? query.place().country()
                : query.requester() != null ? query.requester().country() : null;
        AnswerLedger.Counted counted = ledger.claimAndCount(query, code, country, scannedAt, now);
        if (!counted.claimed()) {
            return repeated(query, ledger.earlier(query.requestId()));
        }
        String answer = write(counted.history()
                .map(history -> Judgement.issued(query.requestId(), query.code(), history,
                        settings.suspectAfterScans(), reference))
                .orElseGet(() -> Judgement.neverIssued(query.requestId(), query.code(), code.gtin(), code.serial(),
                        reference)));
        ledger.keep(query.requestId(), answer);
        return answer;
    }

    /** The very answer given before, for the same code; a request id reused for another code is refused. */
    private static String repeated(AuthenticationQuery query, AnswerLedger.Earlier earlier) {
        if (!earlier.code().equals(query.code())) {
            throw ProblemException.conflict("request-id-reused",
                    "Request " + query.requestId() + " was already asked about another code");
        }
        return earlier.answerJson();
    }

    private String write(AuthenticationAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer record always serialises", e);
        }
    }
}
