package org.openipm.authentication.provider;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.openipm.authentication.AuthenticationSettings;
import org.openipm.platform.secrets.SecretCipher;
import org.openipm.provider.protocol.MessageSignatures;

/**
 * Seals and opens providers' shared secrets with the configured key. Production refuses to start without the key
 * (a default key in the jar would be readable by anyone); dev and test profiles set their own.
 */
@ApplicationScoped
public class ProviderSecrets {

    static final String KEY_VARIABLE = "OPENIPM_AUTHENTICATION_SECRET_KEY";

    private final SecretCipher cipher;

    public ProviderSecrets(AuthenticationSettings settings) {
        this.cipher = settings.secretKey().filter(key -> !key.isBlank()).map(SecretCipher::new).orElse(null);
    }

    void check(@Observes StartupEvent startup) {
        if (cipher == null && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("Refusing to start in production without the key that encrypts "
                    + "providers' secrets: set " + KEY_VARIABLE + " (openipm.authentication.secret-key) to the base64 "
                    + "of 32 random bytes, e.g. `openssl rand -base64 32`");
        }
    }

    String seal(String providerId, String secret) {
        return cipher().encrypt(providerId, secret);
    }

    /** The provider's secret as a signer/verifier; throws when it cannot be opened with the configured key. */
    public MessageSignatures signaturesOf(Provider provider) {
        return new MessageSignatures(cipher().decrypt(provider.id, provider.secretEncrypted));
    }

    private SecretCipher cipher() {
        if (cipher == null) {
            throw new IllegalStateException("No key to encrypt providers' secrets: set " + KEY_VARIABLE);
        }
        return cipher;
    }
}
