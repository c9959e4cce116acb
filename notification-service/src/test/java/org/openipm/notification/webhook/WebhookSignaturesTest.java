package org.openipm.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.standardwebhooks.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.provider.protocol.MessageSignatures;

/** Webhook signatures against the Standard Webhooks specification's own example, and with two secrets at once. */
class WebhookSignaturesTest {

    // The specification's test vector (standard-webhooks, spec/standard-webhooks.md, "Signature scheme").
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final Instant TIMESTAMP = Instant.ofEpochSecond(1614265330);
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void oneSecretGivesTheSpecificationsSignature() {
        Map<String, String> headers = new WebhookSecrets.Signer(List.of(new MessageSignatures(SECRET)))
                .headers(ID, TIMESTAMP, BODY);
        assertThat(headers).containsEntry("webhook-id", ID).containsEntry("webhook-timestamp", "1614265330")
                .containsEntry("webhook-signature", SIGNATURE);
    }

    @Test
    void duringARotationBothSignaturesAreSentSpaceSeparatedAndEitherSecretVerifies() throws Exception {
        String next = MessageSignatures.newSecret();
        Instant now = Instant.now();
        Map<String, String> headers = new WebhookSecrets.Signer(List.of(new MessageSignatures(next),
                new MessageSignatures(SECRET))).headers(ID, now, BODY);
        String[] signatures = headers.get("webhook-signature").split(" ");
        assertThat(signatures).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        Map<String, List<String>> received = Map.of("webhook-id", List.of(ID), "webhook-timestamp",
                List.of(headers.get("webhook-timestamp")), "webhook-signature", List.of(headers.get("webhook-signature")));
        assertThatCode(() -> new Webhook(next).verify(BODY, received)).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(SECRET).verify(BODY, received)).doesNotThrowAnyException();
    }
}
