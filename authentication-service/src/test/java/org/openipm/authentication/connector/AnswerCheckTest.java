package org.openipm.authentication.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.provider.protocol.Verdict;

class AnswerCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final String secret = MessageSignatures.newSecret();
    private final MessageSignatures signatures = new MessageSignatures(secret);
    private final UUID requestId = UUID.randomUUID();

    @Test
    void aSignedFreshAnswerForThisRequestIsBelieved() throws Exception {
        AnswerCheck.Result result = check(signed("msg-1", Instant.now(), answer(requestId, "CODE", 0.8)));

        assertThat(result.rejection()).isNull();
        assertThat(result.answer().verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(result.messageId()).isEqualTo("msg-1");
    }

    @Test
    void whatCannotBeBelievedIsRejectedWithTheReason() throws Exception {
        String body = answer(requestId, "CODE", 0.8);
        HttpReply unsigned = new HttpReply(Map.of(MessageSignatures.ID, "m"), body);
        HttpReply stale = signed("msg-2", Instant.now().minus(Duration.ofMinutes(6)), body);
        HttpReply tampered = new HttpReply(signed("msg-3", Instant.now(), body).headers(), body.replace("0.8", "0.9"));
        HttpReply longId = signed("m".repeat(129), Instant.now(), body);

        assertThat(check(unsigned).rejection()).isEqualTo("answer rejected: unsigned");
        assertThat(check(stale).rejection()).startsWith("answer rejected: bad signature");
        assertThat(check(tampered).rejection()).startsWith("answer rejected: bad signature");
        assertThat(check(longId).rejection()).isEqualTo("answer rejected: no valid webhook-id");
        assertThat(check(signed("m4", Instant.now(), answer(UUID.randomUUID(), "CODE", 0.8))).rejection())
                .isEqualTo("answer rejected: it is about another request or code");
        assertThat(check(signed("m5", Instant.now(), answer(requestId, "OTHER", 0.8))).rejection())
                .isEqualTo("answer rejected: it is about another request or code");
        assertThat(check(signed("m6", Instant.now(), answer(requestId, "CODE", 1.5))).rejection())
                .isEqualTo("answer rejected: confidence outside 0..1");
        assertThat(check(signed("m7", Instant.now(), "not json")).rejection())
                .isEqualTo("answer rejected: not a protocol answer");
    }

    private AnswerCheck.Result check(HttpReply reply) {
        return AnswerCheck.check(reply, signatures, requestId, "CODE", JSON);
    }

    private HttpReply signed(String id, Instant at, String body) {
        return new HttpReply(new HashMap<>(signatures.sign(id, at, body)), body);
    }

    private static String answer(UUID requestId, String code, double confidence) throws Exception {
        return JSON.writeValueAsString(new AuthenticationAnswer(requestId, code, Verdict.GENUINE, confidence,
                new AuthenticationAnswer.Evidence("ok", Map.of()), null));
    }
}
