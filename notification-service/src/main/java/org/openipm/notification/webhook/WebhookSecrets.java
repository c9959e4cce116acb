package org.openipm.notification.webhook;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.notification.NotificationSettings;
import org.openipm.platform.secrets.SecretCipher;
import org.openipm.provider.protocol.MessageSignatures;

/**
 * Webhook signing secrets: made ({@code whsec_<base64 of 32 random bytes>}), sealed at rest with the configured key
 * (the subscription id as associated data), opened only to sign. Production refuses to start without the key (a
 * default key in the jar would be readable by anyone); dev and test profiles set their own.
 */
@ApplicationScoped
public class WebhookSecrets {

    static final String KEY_VARIABLE = "OPENIPM_NOTIFICATION_SECRET_KEY";

    private final SecretCipher cipher;

    public WebhookSecrets(NotificationSettings settings) {
        this.cipher = settings.secretKey().filter(key -> !key.isBlank()).map(SecretCipher::new).orElse(null);
    }

    void check(@Observes StartupEvent startup) {
        if (cipher == null && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("Refusing to start in production without the key that encrypts "
                    + "webhook secrets: set " + KEY_VARIABLE + " (openipm.notification.secret-key) to the base64 of "
                    + "32 random bytes, e.g. `openssl rand -base64 32`");
        }
    }

    public String newSecret() {
        return MessageSignatures.newSecret();
    }

    public String seal(UUID subscriptionId, String secret) {
        return cipher().encrypt(subscriptionId.toString(), secret);
    }

    /**
     * The signers of a subscription at {@code now}: its secret, and its previous one while a rotation's overlap
     * lasts (the receiver accepts the message if any signature matches a secret it knows).
     */
    public Signer signerOf(UUID subscriptionId, String sealed, String previousSealed, Instant previousUntil,
            Instant now) {
        List<MessageSignatures> signers = new ArrayList<>(2);
        signers.add(new MessageSignatures(cipher().decrypt(subscriptionId.toString(), sealed)));
        if (previousSealed != null && previousUntil != null && now.isBefore(previousUntil)) {
            signers.add(new MessageSignatures(cipher().decrypt(subscriptionId.toString(), previousSealed)));
        }
        return new Signer(List.copyOf(signers));
    }

    private SecretCipher cipher() {
        if (cipher == null) {
            throw new IllegalStateException("No key to encrypt webhook secrets: set " + KEY_VARIABLE);
        }
        return cipher;
    }

    /** Signs a message with every current secret: {@code webhook-signature} lists them space-separated. */
    public record Signer(List<MessageSignatures> secrets) {

        public Map<String, String> headers(String messageId, Instant timestamp, String body) {
            List<String> signatures = new ArrayList<>(secrets.size());
            Map<String, String> headers = null;
            for (MessageSignatures secret : secrets) {
                headers = secret.sign(messageId, timestamp, body);
                signatures.add(headers.get(MessageSignatures.SIGNATURE));
            }
            return Map.of(MessageSignatures.ID, messageId,
                    MessageSignatures.TIMESTAMP, headers.get(MessageSignatures.TIMESTAMP),
                    MessageSignatures.SIGNATURE, String.join(" ", signatures));
        }
    }
}
