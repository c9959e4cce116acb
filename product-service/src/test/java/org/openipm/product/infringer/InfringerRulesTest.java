package org.openipm.product.infringer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfringerRulesTest {

    @Test
    void urlsNeedAnHttpSchemeAndAHost() {
        assertThat(InfringerRules.check(InfringerKind.SELLER_URL, " https://Shop.example/s/1 ").value())
                .isEqualTo("https://Shop.example/s/1");
        assertThat(InfringerRules.check(InfringerKind.SELLER_URL, "shop.example/s/1").refused()).isTrue();
        assertThat(InfringerRules.check(InfringerKind.SELLER_URL, "ftp://shop.example").refused()).isTrue();
        assertThat(InfringerRules.check(InfringerKind.SELLER_URL, "https://localhost/x").refused()).isTrue();
    }

    @Test
    void domainsAreBareHostsOfTwoLabelsOrMore() {
        assertThat(InfringerRules.check(InfringerKind.SELLER_DOMAIN, "Shop.Example").value()).isEqualTo("shop.example");
        assertThat(InfringerRules.check(InfringerKind.SELLER_DOMAIN, "bücher.example").refused()).isFalse();
        assertThat(InfringerRules.check(InfringerKind.SELLER_DOMAIN, "example").refused()).isTrue();
        assertThat(InfringerRules.check(InfringerKind.SELLER_DOMAIN, "https://shop.example").refused()).isTrue();
        assertThat(InfringerRules.check(InfringerKind.SELLER_DOMAIN, "shop.example/path").refused()).isTrue();
    }

    @Test
    void namesAndAddressesNeedThreeLettersOrDigits() {
        assertThat(InfringerRules.check(InfringerKind.CONSIGNOR_NAME, "A.B.").refused()).isTrue();
        assertThat(InfringerRules.check(InfringerKind.CONSIGNOR_NAME, "Li Wei").refused()).isFalse();
        assertThat(InfringerRules.check(InfringerKind.CONSIGNOR_ADDRESS, "x".repeat(501)).refused()).isTrue();
    }
}
