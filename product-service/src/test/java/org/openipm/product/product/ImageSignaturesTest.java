package org.openipm.product.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageSignaturesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

    @Test
    void aFileMustCarryItsDeclaredTypesSignature() {
        assertThat(ImageSignatures.matches("image/png", PNG)).isTrue();
        assertThat(ImageSignatures.matches("image/jpeg", JPEG)).isTrue();
        assertThat(ImageSignatures.matches("image/png", JPEG)).isFalse();
        assertThat(ImageSignatures.matches("image/jpeg", "#!/bin/sh\n".getBytes())).isFalse();
    }

    @Test
    void aFileShorterThanTheSignatureOrOfAnotherTypeIsRefused() {
        assertThat(ImageSignatures.matches("image/png", new byte[] {(byte) 0x89, 'P'})).isFalse();
        assertThat(ImageSignatures.matches("image/gif", PNG)).isFalse();
    }
}
