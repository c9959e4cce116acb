package org.openipm.messaging.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each identifier's standard, with examples from the standards' own documents and public registers. */
class ShipmentIdentifiersTest {

    @Test
    void containerNumbersPassTheirIso6346CheckDigit() {
        // CSQU3054383: the worked example of ISO 6346 (and of BIC's check digit calculator).
        ContainerNumber csqu = ContainerNumber.parse("CSQU3054383");
        assertThat(csqu.ownerCode()).isEqualTo("CSQ");
        assertThat(csqu.category()).isEqualTo('U');
        assertThat(csqu.serial()).isEqualTo("305438");
        assertThat(csqu.checkDigit()).isEqualTo(3);
        assertThat(ContainerNumber.parse("csqu 305438-3").value()).isEqualTo("CSQU3054383");
        // A sum whose remainder modulo 11 is 10 gives check digit 0.
        assertThat(ContainerNumber.checkDigitOf("MSKU000008")).isZero();
        assertThat(ContainerNumber.parse("MSKU0000080").serial()).isEqualTo("000008");
        assertThat(ContainerNumber.checkDigitOf("TGHU000000")).isEqualTo(8);
    }

    @Test
    void aContainerNumberWithAWrongCheckDigitSaysWhichDigitIsExpected() {
        assertThatThrownBy(() -> ContainerNumber.parse("CSQU3054384"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("the check digit of container number CSQU3054384 is 4 but ISO 6346 gives 3 "
                        + "(a typing error, or a forged number)");
        assertThatThrownBy(() -> ContainerNumber.parse("CSQX3054383")).hasMessageContaining("equipment category");
        assertThatThrownBy(() -> ContainerNumber.parse("CSQ3054383")).hasMessageContaining("3 letters of owner code");
        assertThatThrownBy(() -> ContainerNumber.parse(null)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void airWaybillsPassTheirModSevenCheck() {
        // 1234567 mod 7 = 5: IATA's own illustration of the rule.
        AirWaybill awb = AirWaybill.parse("020-12345675");
        assertThat(awb.airlinePrefix()).isEqualTo("020");
        assertThat(awb.serial()).isEqualTo("12345675");
        assertThat(AirWaybill.parse("176 1234 5675").value()).isEqualTo("176-12345675");
        assertThat(AirWaybill.parse("00100000070").value()).isEqualTo("001-00000070");
    }

    @Test
    void anAirWaybillWithAWrongCheckDigitIsRefusedPrecisely() {
        assertThatThrownBy(() -> AirWaybill.parse("020-12345676")).hasMessage(
                "the check digit of air waybill 020-12345676 is 6 but the first seven digits of the serial modulo 7 "
                        + "give 5");
        assertThatThrownBy(() -> AirWaybill.parse("020-1234567")).hasMessageContaining("8-digit serial");
        assertThatThrownBy(() -> AirWaybill.parse("02A-12345675")).hasMessageContaining("3-digit airline prefix");
    }

    @Test
    void postalItemIdsPassTheirUpuS10CheckDigit() {
        // EE123456785GB: the example of UPU standard S10; RR473124829GB: a Royal Mail registered item.
        PostalItemId ee = PostalItemId.parse("EE123456785GB");
        assertThat(ee.serviceIndicator()).isEqualTo("EE");
        assertThat(ee.serial()).isEqualTo("12345678");
        assertThat(ee.checkDigit()).isEqualTo(5);
        assertThat(ee.country()).isEqualTo("GB");
        assertThat(PostalItemId.parse("rr 473 124 829 gb").value()).isEqualTo("RR473124829GB");
        // Remainders 1 and 0 give the special cases 10 -> 0 and 11 -> 5.
        assertThat(PostalItemId.checkDigitOf("00000001")).isEqualTo(4);
        assertThat(PostalItemId.checkDigitOf("00000000")).isEqualTo(5);
        assertThat(PostalItemId.checkDigitOf("00000008")).isZero();
    }

    @Test
    void aPostalItemIdWithAWrongCheckDigitOrCountryIsRefusedPrecisely() {
        assertThatThrownBy(() -> PostalItemId.parse("EE123456784GB")).hasMessage(
                "the check digit of postal item id EE123456784GB is 4 but UPU S10 gives 5 (a typing error, or a "
                        + "forged label)");
        assertThatThrownBy(() -> PostalItemId.parse("EE123456785XX")).hasMessageContaining("not an ISO 3166-1");
        assertThatThrownBy(() -> PostalItemId.parse("E123456785GB")).hasMessageContaining("UPU S10");
    }

    @Test
    void aFreeReferenceIsKeptAsTypedAndNeverLinksShipments() {
        assertThat(IdentifierKind.REFERENCE.normalise("  MRN 24FR000000123456A7 ")).isEqualTo("MRN 24FR000000123456A7");
        assertThat(IdentifierKind.REFERENCE.identifiesOneShipment()).isFalse();
        assertThat(IdentifierKind.CONTAINER.identifiesOneShipment()).isTrue();
        assertThatThrownBy(() -> IdentifierKind.REFERENCE.normalise("x".repeat(101)))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> IdentifierKind.REFERENCE.normalise("a\u0000b"))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThat(IdentifierKind.CONTAINER.normalise("csqu 305438 3")).isEqualTo("CSQU3054383");
    }
}
