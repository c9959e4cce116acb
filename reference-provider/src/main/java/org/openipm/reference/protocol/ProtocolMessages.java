package org.openipm.reference.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.reference.keys.ProviderKeys;

/**
 * The provider's edge of the protocol: a query is read only once its Standard Webhooks signature verifies with
 * the shared secret (which also refuses a timestamp more than five minutes off), and an answer leaves signed
 * under a fresh message id of the provider's.
 */
@ApplicationScoped
public class ProtocolMessages {

    private final ProviderKeys keys;
    private final ObjectMapper json;

    public ProtocolMessages(ProviderKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** @param headers the three signature headers as received (missing ones absent) */
    public AuthenticationQuery readVerified(Map<String, String> headers, String body) {
        if (!headers.containsKey(MessageSignatures.ID) || !headers.containsKey(MessageSignatures.TIMESTAMP)
                || !headers.containsKey(MessageSignatures.SIGNATURE)) {
            throw unauthorized("unsigned-message", "The query must carry the headers webhook-id, webhook-timestamp"
                    + " and webhook-signature (Standard Webhooks)");
        }
        if (!keys.messageSignatures().verify(headers, body)) {
            throw unauthorized("invalid-signature", "The query's signature does not verify with the shared secret,"
                    + " or its webhook-timestamp is more than five minutes away from now");
        }
        AuthenticationQuery query;
        try {
            query = json.readValue(body, AuthenticationQuery.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("invalid-query", "The body is not an authentication query: "
                    + e.getOriginalMessage());
        }
        if (query == null) {
            throw ProblemException.badRequest("invalid-query", "The body is not an authentication query");
        }
        if (!AuthenticationQuery.VERSION.equals(query.protocolVersion())) {
            throw ProblemException.badRequest("unsupported-protocol-version", "This provider speaks protocol version "
                    + AuthenticationQuery.VERSION + ", not " + query.protocolVersion());
        }
        if (query.requestId() == null) {
            throw ProblemException.badRequest("invalid-query", "requestId is required");
        }
        if (!query.requestId().toString().equals(headers.get(MessageSignatures.ID))) {
            throw ProblemException.badRequest("request-id-mismatch", "webhook-id must be the query's requestId");
        }
        if (query.code() == null || query.code().isBlank()) {
            throw ProblemException.badRequest("invalid-query", "code is required");
        }
        return query;
    }

    /** The signature headers of an answer body, under a message id never used before. */
    public Map<String, String> sign(String answerBody) {
        return keys.messageSignatures().sign("msg_" + UUID.randomUUID().toString().replace("-", ""), Instant.now(),
                answerBody);
    }

    private static ProblemException unauthorized(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Unauthorized", 401, detail));
    }
}
