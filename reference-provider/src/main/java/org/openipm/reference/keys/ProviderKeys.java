package org.openipm.reference.keys;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.reference.ReferenceProviderSettings;
import org.openipm.reference.codes.CodeSignature;

/**
 * The provider's two secrets: the one it shares with OpenIPM (signs and verifies protocol messages) and its own
 * issuing key (signs the codes it prints; never leaves the provider). Configured ones win; otherwise each is made
 * once, on the first start, and kept in the provider's schema, so that printed codes and OpenIPM's registration
 * stay valid across restarts. Neither is ever logged.
 */
@Startup
@ApplicationScoped
public class ProviderKeys {

    static final String SHARED_SECRET = "shared-secret";
    static final String ISSUING_KEY = "issuing-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String sharedSecret;
    private final MessageSignatures messageSignatures;
    private final CodeSignature codeSignature;

    public ProviderKeys(ReferenceProviderSettings settings, ProviderSecretRepository secrets) {
        this.sharedSecret = settings.sharedSecret().orElseGet(() -> QuarkusTransaction.requiringNew()
                .call(() -> secrets.valueOrStore(SHARED_SECRET, MessageSignatures.newSecret())));
        String issuingKey = settings.issuingKey().orElseGet(() -> QuarkusTransaction.requiringNew()
                .call(() -> secrets.valueOrStore(ISSUING_KEY, newIssuingKey())));
        this.messageSignatures = new MessageSignatures(sharedSecret);
        this.codeSignature = CodeSignature.fromBase64(issuingKey);
    }

    public MessageSignatures messageSignatures() {
        return messageSignatures;
    }

    public CodeSignature codeSignature() {
        return codeSignature;
    }

    /** Only for the registration an administrator copies into OpenIPM. */
    public String sharedSecret() {
        return sharedSecret;
    }

    private static String newIssuingKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
