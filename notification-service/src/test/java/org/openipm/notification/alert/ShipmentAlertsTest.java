package org.openipm.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.cases.ShipmentFlagged;
import org.openipm.events.cases.ShipmentFlagged.GoodsLine;

class ShipmentAlertsTest {

    static final UUID SOURCE = UUID.fromString("1f7d8c1e-4c8a-4a8e-9a51-1c3c8a5e2b10");
    static final UUID CASE = UUID.fromString("7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d");

    static ShipmentFlagged twoBrands() {
        return new ShipmentFlagged(CASE, "fr-customs", "FR", "FRLEH", "SEA", "CN", "FR", List.of("acme", "zenith"),
                List.of(new GoodsLine(1, "Wrist watches", 300.0, "pieces", List.of("acme")),
                        new GoodsLine(2, "Perfume", 12.5, "kg", List.of("zenith")),
                        new GoodsLine(3, "Mixed boxes", null, null, List.of("acme", "zenith"))),
                Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void everyBrandParticipantGetsOneAlertWithTheCaseLinkAndTheCountries() {
        List<Alert> alerts = ShipmentAlerts.of(SOURCE, twoBrands());
        assertThat(alerts).extracting(Alert::recipient).containsExactly(Recipient.brand("acme"),
                Recipient.brand("zenith"));
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.SHIPMENT_FLAGGED);
            assertThat(alert.link()).isEqualTo("/api/v1/cases/" + CASE);
            assertThat(alert.countries()).containsExactly("FR", "CN");
            assertThat(alert.facts()).containsEntry("caseId", CASE.toString()).containsEntry("transportMode", "SEA");
        });
    }

    @Test
    void aBrandReadsOnlyItsOwnGoodsAndIsTheOnlyBrandNamed() {
        List<Alert> alerts = ShipmentAlerts.of(SOURCE, twoBrands());
        Alert acme = alerts.get(0);
        assertThat(acme.brands()).containsExactly("acme");
        assertThat(acme.facts().get("goods")).isEqualTo("Wrist watches (300 pieces); Mixed boxes");
        assertThat(acme.facts().values()).noneMatch(value -> value.contains("zenith") || value.contains("Perfume"));
        Alert zenith = alerts.get(1);
        assertThat(zenith.brands()).containsExactly("zenith");
        assertThat(zenith.facts().get("goods")).isEqualTo("Perfume (12.5 kg); Mixed boxes");
        assertThat(AlertTexts.summary(zenith, "en")).doesNotContain("acme").doesNotContain("Wrist");
    }

    @Test
    void theSameEventMakesTheSameAlertsAndABrandNamedTwiceIsAlertedOnce() {
        ShipmentFlagged twice = new ShipmentFlagged(CASE, "fr-customs", "FR", "FRLEH", "AIR", null, null,
                List.of("acme", "acme"), List.of(), Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(ShipmentAlerts.of(SOURCE, twice)).hasSize(1).first()
                .satisfies(alert -> assertThat(alert.countries()).containsExactly("FR"));
        assertThat(ShipmentAlerts.of(SOURCE, twoBrands())).extracting(Alert::id)
                .containsExactlyElementsOf(ShipmentAlerts.of(SOURCE, twoBrands()).stream().map(Alert::id).toList());
    }
}
