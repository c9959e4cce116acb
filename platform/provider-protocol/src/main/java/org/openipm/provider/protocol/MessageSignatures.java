package org.openipm.provider.protocol;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs and verifies protocol messages the Standard Webhooks way (HMAC-SHA256 over {@code id.timestamp.body},
 * headers {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>}), through the
 * specification's own library so that any provider can check us with theirs. Secrets are {@code whsec_<base64>}.
 * Verification refuses a timestamp more than five minutes away from now; refusing a replayed id is the receiver's
 * job, because only it knows which ids it has seen.
 */
public final class MessageSignatures {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhook webhook;

    /** @param secret {@code whsec_<base64>} (or the bare base64) */
    public MessageSignatures(String secret) {
        try {
            this.webhook = new Webhook(secret);
        } catch (RuntimeException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
            throw new IllegalArgumentException("Not a Standard Webhooks secret", e);
        }
    }

    /** A fresh secret: 32 random bytes, shown once to whoever must share it. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The three headers for {@code body} sent as message {@code id} at {@code time}. */
    public Map<String, String> sign(String id, Instant time, String body) {
        try {
            return Map.of(ID, id, TIMESTAMP, Long.toString(time.getEpochSecond()),
                    SIGNATURE, webhook.sign(id, time.getEpochSecond(), body));
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("Could not sign a message", e);
        }
    }

    /**
     * @param headers the received headers (names in lower case)
     * @return true when a signature matches and the timestamp is within five minutes of now
     */
    public boolean verify(Map<String, String> headers, String body) {
        try {
            webhook.verify(body, Map.of(
                    ID, List.of(headers.getOrDefault(ID, "")),
                    TIMESTAMP, List.of(headers.getOrDefault(TIMESTAMP, "")),
                    SIGNATURE, List.of(headers.getOrDefault(SIGNATURE, ""))));
            return true;
        } catch (WebhookVerificationException | RuntimeException e) {
            return false;
        }
    }
}
