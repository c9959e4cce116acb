package org.openipm.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final SecretCipher cipher = new SecretCipher(newKey());

    @Test
    void aSealedSecretOpensForItsProviderOnly() {
        String sealed = cipher.encrypt("seal-a", "whsec_c2VjcmV0");

        assertThat(sealed).startsWith("v1:").doesNotContain("c2VjcmV0");
        assertThat(cipher.decrypt("seal-a", sealed)).isEqualTo("whsec_c2VjcmV0");
        assertThatThrownBy(() -> cipher.decrypt("seal-b", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void eachSealIsDifferentAndAnotherKeyCannotOpenIt() {
        assertThat(cipher.encrypt("seal-a", "x")).isNotEqualTo(cipher.encrypt("seal-a", "x"));
        assertThatThrownBy(() -> new SecretCipher(newKey()).decrypt("seal-a", cipher.encrypt("seal-a", "x")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretCipher("not base64!")).hasMessageContaining("base64");
    }
}
