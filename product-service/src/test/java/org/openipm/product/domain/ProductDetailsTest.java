package org.openipm.product.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductDetailsTest {

    static final BrandFacts BRAND = new BrandFacts("acme", "Acme", List.of("952012"),
            List.of(new Contact("FR", "fr", null, "IPR desk", "ipr@acme.example", null, null, true)));

    static ProductDetails product(BrandFacts brand, long version, List<String> verified, List<Feature> features) {
        return new ProductDetails(UUID.fromString("00000000-0000-0000-0000-000000000001"), brand, "W-1", "Watch",
                Category.WATCHES, null, ProductStatus.DRAFT, version, List.of("09520123456788", "00000096385074"),
                verified, List.of(new TacRange("35000000", "35009999")), List.of(), features, List.of(), List.of(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aNewVersionOrNewBrandFactsAreNoChangeOfContent() {
        ProductDetails product = product(BRAND, 1, List.of("09520123456788"), List.of());
        BrandFacts renamed = new BrandFacts("acme", "Acme Corp", BRAND.companyPrefixes(), BRAND.contacts());
        assertThat(product.hasSameContentAs(product(renamed, 2, List.of(), List.of()))).isTrue();
    }

    @Test
    void anEditedFeatureIsAChangeOfContent() {
        ProductDetails product = product(BRAND, 1, List.of(), List.of());
        Feature logo = new Feature("GENUINE", "Logo", null, "crown", null, "OVERT");
        assertThat(product.hasSameContentAs(product(BRAND, 1, List.of(), List.of(logo)))).isFalse();
    }

    @Test
    void brandFactsChangeWithTheNameOrWithWhichGtinsAreVerified() {
        ProductDetails product = product(BRAND, 1, List.of("09520123456788"), List.of());
        assertThat(product.hasSameBrandFactsAs(product(BRAND, 2, List.of("09520123456788"), List.of()))).isTrue();
        assertThat(product.hasSameBrandFactsAs(product(BRAND, 1, List.of(), List.of()))).isFalse();
        BrandFacts renamed = new BrandFacts("acme", "Acme Corp", BRAND.companyPrefixes(), BRAND.contacts());
        assertThat(product.hasSameBrandFactsAs(product(renamed, 1, List.of("09520123456788"), List.of())))
                .isFalse();
    }

    @Test
    void onlyVerifiedGtinsAreVerified() {
        ProductDetails product = product(BRAND, 1, List.of("09520123456788"), List.of());
        assertThat(product.verifies("09520123456788")).isTrue();
        assertThat(product.verifies("00000096385074")).isFalse();
    }
}
