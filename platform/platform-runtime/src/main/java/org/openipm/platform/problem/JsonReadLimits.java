package org.openipm.platform.problem;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * What one JSON document may hold, whatever its byte size: a 1 MB body can still nest a thousand levels deep or
 * carry one string of a million characters. The limits apply to every use of the application's ObjectMapper
 * (request bodies and JSON Lines imports alike).
 */
@Singleton
public class JsonReadLimits implements ObjectMapperCustomizer {

    private final HttpLimits.Json limits;

    public JsonReadLimits(HttpLimits limits) {
        this.limits = limits.json();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .build());
    }

    /** Our own words for the limit the parser met; Jackson's message names its API, not the client's mistake. */
    public Problem problemFor(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().toLowerCase();
        if (message.contains("nesting depth")) {
            return Problem.of("json-too-deep", "Bad Request", 400,
                    "The JSON body nests deeper than " + limits.maxNestingDepth() + " levels");
        }
        if (message.contains("string value length")) {
            return Problem.of("json-string-too-long", "Content Too Large", 413,
                    "A string in the JSON body is longer than " + limits.maxStringLength() + " characters");
        }
        if (message.contains("number value length")) {
            return Problem.of("json-number-too-long", "Bad Request", 400,
                    "A number in the JSON body has more than " + limits.maxNumberLength() + " digits");
        }
        return Problem.of("json-too-complex", "Bad Request", 400, "The JSON body exceeds what this API reads: at most "
                + limits.maxNestingDepth() + " levels, strings of " + limits.maxStringLength() + " characters, numbers of "
                + limits.maxNumberLength() + " digits");
    }
}
