package org.openipm.messaging.infringer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openipm.messaging.infringer.InfringerMatcher.Listed;
import org.openipm.messaging.infringer.InfringerMatcher.Party;

class InfringerMatcherTest {

    private static Party seller(String url) {
        return new Party(null, null, url);
    }

    private static Party consignor(String name, String address) {
        return new Party(name, address, null);
    }

    @Test
    void aSellerUrlMatchesWhateverTheCaseTheWwwAndTheDeeperPath() {
        Listed shop = new Listed("SELLER_URL", "https://market.example/store/Best-Watches");

        assertThat(InfringerMatcher.matches(shop, seller("HTTP://WWW.Market.Example/STORE/best-watches/item/7?ref=ad")))
                .isTrue();
        assertThat(InfringerMatcher.matches(shop, seller("www.market.example/store/best-watches"))).isTrue();
        assertThat(InfringerMatcher.matches(shop, seller("https://market.example/store/best-watches-2"))).isFalse();
        assertThat(InfringerMatcher.matches(shop, seller("https://market.example/store"))).isFalse();
        assertThat(InfringerMatcher.matches(shop, seller("https://eu.market.example/store/best-watches"))).isFalse();
    }

    @Test
    void aDomainMatchesItsSubdomainsButNoLongerName() {
        Listed domain = new Listed("SELLER_DOMAIN", "www.Fake-Watches.example");

        assertThat(InfringerMatcher.matches(domain, seller("https://fake-watches.example"))).isTrue();
        assertThat(InfringerMatcher.matches(domain, seller("https://shop.FAKE-watches.example./a/b"))).isTrue();
        assertThat(InfringerMatcher.matches(domain, seller("https://notfake-watches.example"))).isFalse();
        assertThat(InfringerMatcher.matches(domain, seller("https://fake-watches.example.org"))).isFalse();
        assertThat(InfringerMatcher.matches(domain, consignor("fake-watches.example", null))).isFalse();
    }

    @Test
    void consignorNamesAndAddressesMatchWithoutCasePunctuationSpacesOrAccents() {
        Listed name = new Listed("CONSIGNOR_NAME", "Best Watches Ltd.");
        Listed address = new Listed("CONSIGNOR_ADDRESS", "Rm 5, 1 Harbour Rd., Shenzhen");

        assertThat(InfringerMatcher.matches(name, consignor("BEST-WATCHES,  ltd", null))).isTrue();
        assertThat(InfringerMatcher.matches(name, consignor("Bestwatches Ltd", null))).isTrue();
        assertThat(InfringerMatcher.matches(new Listed("CONSIGNOR_NAME", "Müller GmbH"),
                consignor("MULLER GMBH", null))).isTrue();
        assertThat(InfringerMatcher.matches(address, consignor("x", "RM 5 1 HARBOUR RD SHENZHEN"))).isTrue();

        assertThat(InfringerMatcher.matches(name, consignor("Best Watches Limited", null))).isFalse();
        assertThat(InfringerMatcher.matches(name, consignor("Best Watches Ltd Trading", null))).isFalse();
        assertThat(InfringerMatcher.matches(name, consignor(null, "Best Watches Ltd"))).isFalse();
        assertThat(InfringerMatcher.matches(address, consignor(null, "Rm 5, 1 Harbour Road, Shenzhen"))).isFalse();
        assertThat(InfringerMatcher.matches(new Listed("CONSIGNOR_NAME", "A.B"), consignor("ab", null))).isFalse();
    }

    @Test
    void theLookupKeysFindTheStoredKeysOfEntriesThatMayMatch() {
        InfringerMatcher.Lookup lookup = InfringerMatcher.lookupOf(new Party("Best Watches Ltd.", null,
                "https://www.shop.fake.example/x"));

        assertThat(lookup.name()).isEqualTo(InfringerMatcher.keyOf(new Listed("CONSIGNOR_NAME", "best watches ltd"))
                .orElseThrow());
        assertThat(lookup.address()).isNull();
        assertThat(lookup.sellerHost()).isEqualTo("shop.fake.example");
        assertThat(lookup.sellerHostAndParents()).contains(
                InfringerMatcher.keyOf(new Listed("SELLER_DOMAIN", "FAKE.example")).orElseThrow());
        assertThat(InfringerMatcher.lookupOf(new Party(null, "", "not a url at all")).empty()).isTrue();
    }
}
