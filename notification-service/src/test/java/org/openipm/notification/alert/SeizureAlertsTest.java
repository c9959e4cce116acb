package org.openipm.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.seizures.SeizureMatched;
import org.openipm.events.seizures.SeizureMatched.Amount;
import org.openipm.events.seizures.SeizureMatched.Brand;
import org.openipm.events.seizures.SeizureMatched.Quantity;

class SeizureAlertsTest {

    static final UUID SOURCE = UUID.fromString("2a7d8c1e-4c8a-4a8e-9a51-1c3c8a5e2b10");
    static final UUID SEIZURE = UUID.fromString("8d1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d");

    static SeizureMatched twoBrands(UUID caseId) {
        return new SeizureMatched(SEIZURE, "fr-customs", "FR-2026-0042", "ab12", LocalDate.parse("2026-12-01"), "FR",
                "FRCDG", "EXPRESS", "CN", caseId, false,
                List.of(new Brand("acme", List.of(UUID.randomUUID()), List.of(new Quantity("pieces", 300)),
                                List.of(new Amount("EUR", 1200))),
                        new Brand("zenith", List.of(UUID.randomUUID()), List.of(new Quantity("kg", 12.5)),
                                List.of(new Amount("EUR", 800)))),
                List.of(new Quantity("pieces", 300), new Quantity("kg", 12.5)), List.of(new Amount("EUR", 2000)),
                Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void eachBrandIsToldOfItsOwnGoodsAndValueOnly() {
        List<Alert> alerts = SeizureAlerts.of(SOURCE, twoBrands(null));
        assertThat(alerts).extracting(Alert::recipient).containsExactly(Recipient.brand("acme"),
                Recipient.brand("zenith"));
        Alert acme = alerts.get(0);
        assertThat(acme.type()).isEqualTo(AlertType.SEIZURE_MATCHED);
        assertThat(acme.brands()).containsExactly("acme");
        assertThat(acme.countries()).containsExactly("FR", "CN");
        assertThat(acme.facts()).containsEntry("goods", "300 pieces").containsEntry("value", "1200 EUR")
                .containsEntry("transportMode", "EXPRESS").doesNotContainKey("caseId");
        assertThat(acme.facts().values()).noneMatch(v -> v.contains("zenith") || v.contains("kg") || v.contains("2000"));
        assertThat(AlertTexts.summary(alerts.get(1), "en"))
                .isEqualTo("Seizure in FR of goods of zenith: 12.5 kg");
        assertThat(AlertTexts.summary(alerts.get(1), "fr")).isEqualTo("Saisie (FR) de marchandises de zenith : 12.5 kg");
    }

    @Test
    void theLinkIsTheCaseWhenTheSeizureJoinedOneElseTheBrandsStatistics() {
        UUID caseId = UUID.randomUUID();
        assertThat(SeizureAlerts.of(SOURCE, twoBrands(caseId))).allSatisfy(alert -> {
            assertThat(alert.link()).isEqualTo("/api/v1/cases/" + caseId);
            assertThat(alert.facts()).containsEntry("caseId", caseId.toString());
        });
        assertThat(SeizureAlerts.of(SOURCE, twoBrands(null))).allSatisfy(alert ->
                assertThat(alert.link()).isEqualTo(SeizureAlerts.STATISTICS_LINK));
    }
}
