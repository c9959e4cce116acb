package org.openipm.authentication.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.connector.ProviderSelection.Candidate;
import org.openipm.authentication.provider.Coverage;

class ProviderSelectionTest {

    private static final String GTIN = "09520123456788";

    @Test
    void theMostSpecificCoveringProviderIsChosen() {
        Candidate wholeBrand = new Candidate("b-whole", new Coverage(List.of("acme"), List.of(), List.of()));
        Candidate oneGtin = new Candidate("z-gtin", new Coverage(List.of("acme"), List.of(GTIN), List.of()));
        Candidate otherBrand = new Candidate("a-other", new Coverage(List.of("rival"), List.of(), List.of()));

        assertThat(ProviderSelection.choose(List.of(wholeBrand, oneGtin, otherBrand), "acme", GTIN, "GTIN"))
                .contains(oneGtin);
        assertThat(ProviderSelection.choose(List.of(wholeBrand, oneGtin), "acme", "09520123456795", "GTIN"))
                .contains(wholeBrand);
    }

    @Test
    void codeKindsNarrowCoverage() {
        Candidate imeiOnly = new Candidate("imei", new Coverage(List.of("acme"), List.of(), List.of("IMEI")));

        assertThat(ProviderSelection.choose(List.of(imeiOnly), "acme", GTIN, "GS1_DIGITAL_LINK")).isEmpty();
        assertThat(ProviderSelection.choose(List.of(imeiOnly), "acme", null, "IMEI")).contains(imeiOnly);
    }

    @Test
    void nothingIsChosenWithoutABrandOrACoveringProvider() {
        Candidate acme = new Candidate("acme-seal", new Coverage(List.of("acme"), List.of(), List.of()));

        assertThat(ProviderSelection.choose(List.of(acme), null, GTIN, "GTIN")).isEmpty();
        assertThat(ProviderSelection.choose(List.of(acme), "rival", GTIN, "GTIN")).isEmpty();
        assertThat(ProviderSelection.choose(List.of(), "acme", GTIN, "GTIN")).isEmpty();
    }
}
