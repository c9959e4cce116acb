package org.openipm.provider.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.UUID;

/**
 * Provider to OpenIPM: the judgement of one mark. It repeats the request id and the code it judged, and it is
 * signed, so a genuine answer cannot be replayed for another request or another code.
 *
 * @param requestId the query's request id
 * @param code the query's code, exactly as received
 * @param verdict the judgement
 * @param confidence 0 to 1
 * @param evidence why
 * @param providerReference the provider's own reference for this check (for support and audits), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthenticationAnswer(UUID requestId, String code, Verdict verdict, double confidence, Evidence evidence,
        String providerReference) {

    /**
     * @param text a sentence for the officer, or null
     * @param facts key/value facts, e.g. {@code firstSeenCountry}, {@code scanCount}; may be empty
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String text, Map<String, String> facts) {
    }
}
