package org.openipm.reference.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeSignatureTest {

    private static final CodeSignature KEY = CodeSignature.fromBase64("dGVzdC1pc3N1aW5nLWtleS1vZi10aGUtcmVmZXJlbmNlLXByb3ZpZGVy");
    private static final String BASE = "https://ref.openipm.example";

    @Test
    void aSignatureIsSixteenUrlSafeCharactersAndVerifiesOnlyForItsGtinAndSerial() {
        String signature = KEY.sign("09520123456788", "ABC123");

        assertThat(signature).matches("[A-Za-z0-9_-]{16}");
        assertThat(KEY.verifies("09520123456788", "ABC123", signature)).isTrue();
        assertThat(KEY.verifies("09520123456788", "ABC124", signature)).isFalse();
        assertThat(KEY.verifies("09520123456795", "ABC123", signature)).isFalse();
        assertThat(KEY.verifies("09520123456788", "ABC123", "not base64!")).isFalse();
        assertThat(KEY.verifies("09520123456788", "ABC123", signature.substring(0, 15))).isFalse();
    }

    @Test
    void anotherKeySignsDifferentlyAndShortKeysAreRefused() {
        CodeSignature other = new CodeSignature(new byte[32]);

        assertThat(other.verifies("09520123456788", "ABC123", KEY.sign("09520123456788", "ABC123"))).isFalse();
        assertThatThrownBy(() -> new CodeSignature(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeRoundTripsThroughItsUri() {
        ReferenceCode code = new ReferenceCode("09520123456788", "ABC123", KEY.sign("09520123456788", "ABC123"));

        assertThat(ReferenceCode.parse(BASE, code.uri(BASE))).contains(code);
        assertThat(ReferenceCode.parse(BASE, code.uri("HTTPS://REF.OPENIPM.EXAMPLE"))).contains(code);
    }

    @Test
    void anythingElseIsNotThisProvidersFormat() {
        for (String code : new String[] { "https://id.gs1.org/01/09520123456788/21/ABC123?sig=AAAA",
                BASE + "/01/09520123456788/21/ABC123", BASE + "/01/9520123456788/21/ABC123?sig=AAAA",
                BASE + "/01/09520123456788/21/ABC%20123?sig=AAAA", BASE + "/01/09520123456788/21/ABC123?sig=AA&x=1",
                BASE + "/01/09520123456788?sig=AAAA", "09520123456788", "", BASE }) {
            assertThat(ReferenceCode.parse(BASE, code)).as(code).isEqualTo(Optional.empty());
        }
        assertThat(ReferenceCode.parse(BASE, null)).isEmpty();
    }

    @Test
    void serialsAreTwelveCrockfordCharacters() {
        assertThat(Serials.next()).matches("[0-9A-HJKMNP-TV-Z]{12}").isNotEqualTo(Serials.next());
    }
}
