package org.openipm.reference.codes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short signature printed in each code: HMAC-SHA256 over {@code <gtin14>/<serial>} with the provider's issuing
 * key, truncated to 96 bits and written as 16 base64url characters.
 *
 * <p>Why HMAC and not Ed25519: only the provider judges its codes (online, through the protocol), so nobody else
 * needs a public key; an Ed25519 signature is 64 bytes (86 characters) and cannot be truncated and still be
 * verified, which would make every QR code much denser. A truncated HMAC keeps its strength up to its length
 * (RFC 2104 asks for at least 80 bits and half the hash); 96 bits leave a forger one chance in 2^96 per try, and
 * every try is a scan the provider sees. Truncation follows RFC 2104 section 5: the leftmost bytes.
 */
public final class CodeSignature {

    static final int BYTES = 12;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param key the issuing key, 32 bytes or more */
    public CodeSignature(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The issuing key must have 32 bytes or more, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** @param base64Key the issuing key in standard or URL-safe base64 */
    public static CodeSignature fromBase64(String base64Key) {
        String key = base64Key.trim().replace('-', '+').replace('_', '/');
        return new CodeSignature(Base64.getDecoder().decode(key));
    }

    public String sign(String gtin14, String serial) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(gtin14, serial));
    }

    /** Constant time, so that the time taken tells a forger nothing about how close a guess was. */
    public boolean verifies(String gtin14, String serial, String signature) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(gtin14, serial), given);
    }

    private byte[] mac(String gtin14, String serial) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] full = mac.doFinal((gtin14 + "/" + serial).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
