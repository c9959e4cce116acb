package org.openipm.product.product;

import java.util.Arrays;
import java.util.Map;

/**
 * The first bytes each accepted image type starts with. A file must carry its declared type's signature, so that a
 * script or an archive cannot be stored as an "image" and served back to officers.
 */
final class ImageSignatures {

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "image/webp", new byte[] {'R', 'I', 'F', 'F'});

    private ImageSignatures() {
    }

    /** False for a type that is not accepted at all. */
    static boolean matches(String contentType, byte[] data) {
        byte[] signature = SIGNATURES.get(contentType);
        return signature != null && data.length >= signature.length
                && Arrays.equals(data, 0, signature.length, signature, 0, signature.length);
    }
}
