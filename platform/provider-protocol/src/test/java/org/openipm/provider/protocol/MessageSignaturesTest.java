package org.openipm.provider.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageSignaturesTest {

    private static final String BODY = "{\"requestId\":\"7d3f0c1e-1111-4c4c-9d9d-123456789abc\",\"verdict\":\"GENUINE\"}";

    @Test
    void signaturesFollowTheStandardWebhooksExample() {
        // The example from the Standard Webhooks specification: an independent implementation must agree.
        var signatures = new MessageSignatures("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        Map<String, String> headers = signatures.sign("msg_p5jXN8AQM9LWM0D4loKWxJek",
                Instant.ofEpochSecond(1614265330), "{\"test\": 2432232314}");

        assertThat(headers).containsEntry(MessageSignatures.SIGNATURE, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
                .containsEntry(MessageSignatures.TIMESTAMP, "1614265330")
                .containsEntry(MessageSignatures.ID, "msg_p5jXN8AQM9LWM0D4loKWxJek");
    }

    @Test
    void aFreshSignatureVerifiesAndAnyChangeBreaksIt() {
        String secret = MessageSignatures.newSecret();
        var signatures = new MessageSignatures(secret);
        Map<String, String> headers = signatures.sign("answer-1", Instant.now(), BODY);

        assertThat(signatures.verify(headers, BODY)).isTrue();
        assertThat(signatures.verify(headers, BODY.replace("GENUINE", "SUSPECT"))).isFalse();
        assertThat(new MessageSignatures(MessageSignatures.newSecret()).verify(headers, BODY)).isFalse();
        Map<String, String> otherId = new HashMap<>(headers);
        otherId.put(MessageSignatures.ID, "answer-2");
        assertThat(signatures.verify(otherId, BODY)).isFalse();
        assertThat(signatures.verify(Map.of(), BODY)).isFalse();
    }

    @Test
    void aMessageOlderThanFiveMinutesIsRefused() {
        var signatures = new MessageSignatures(MessageSignatures.newSecret());
        Map<String, String> old = signatures.sign("answer-1", Instant.now().minusSeconds(6 * 60), BODY);

        assertThat(signatures.verify(old, BODY)).isFalse();
    }
}
