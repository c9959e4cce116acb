package org.openipm.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.authentication.AuthenticationCompleted;

class VerdictAlertsTest {

    static final UUID SOURCE = UUID.fromString("0f7d8c1e-4c8a-4a8e-9a51-1c3c8a5e2b10");
    static final UUID PRODUCT = UUID.fromString("5b1e2a3c-1111-4a8e-9a51-1c3c8a5e2b10");

    static AuthenticationCompleted verdict(String verdict, boolean clone, String brand) {
        return new AuthenticationCompleted(UUID.randomUUID(), verdict, 0.97, clone, null,
                new AuthenticationCompleted.Evidence(null, List.of(), List.of()), "securemark", "ref-1", 120L,
                brand == null ? null : PRODUCT, brand, "09506000134352", "A1B2C3", "fr-douane", "FR",
                Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-02T10:00:01Z"));
    }

    @Test
    void aCounterfeitAlertsTheBrandAndTheOfficersAuthority() {
        List<Alert> alerts = VerdictAlerts.of(SOURCE, verdict("COUNTERFEIT", false, "acme"));
        assertThat(alerts).extracting(Alert::recipient)
                .containsExactly(Recipient.brand("acme"), Recipient.authority("fr-douane"));
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.COUNTERFEIT_VERDICT);
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.brands()).containsExactly("acme");
            assertThat(alert.countries()).containsExactly("FR");
            assertThat(alert.sourceEventId()).isEqualTo(SOURCE);
            assertThat(alert.facts()).containsEntry("gtin", "09506000134352").containsEntry("provider", "securemark");
        });
        assertThat(alerts.get(0).link()).isEqualTo("/api/v1/products/" + PRODUCT);
        assertThat(alerts.get(1).link()).startsWith("/api/v1/authentications/");
    }

    @Test
    void theSameSourceEventMakesTheSameAlertsAgain() {
        AuthenticationCompleted counterfeit = verdict("COUNTERFEIT", false, "acme");
        assertThat(VerdictAlerts.of(SOURCE, counterfeit)).extracting(Alert::id)
                .containsExactlyElementsOf(VerdictAlerts.of(SOURCE, counterfeit).stream().map(Alert::id).toList())
                .doesNotHaveDuplicates();
        assertThat(VerdictAlerts.of(UUID.randomUUID(), counterfeit).get(0).id())
                .isNotEqualTo(VerdictAlerts.of(SOURCE, counterfeit).get(0).id());
    }

    @Test
    void aProbableCloneIsItsOwnAlertAndSuspectIsAWarning() {
        assertThat(VerdictAlerts.of(SOURCE, verdict("SUSPECT", true, "acme")))
                .extracting(Alert::type).containsOnly(AlertType.PROBABLE_CLONE);
        assertThat(VerdictAlerts.of(SOURCE, verdict("SUSPECT", false, "acme")))
                .extracting(Alert::severity).containsOnly(Severity.WARNING);
    }

    @Test
    void genuineUnknownAndFailedChecksAlertNobody() {
        for (String quiet : List.of("GENUINE", "UNKNOWN", "ERROR")) {
            assertThat(VerdictAlerts.of(SOURCE, verdict(quiet, false, "acme"))).as(quiet).isEmpty();
        }
    }

    @Test
    void withoutAKnownBrandOnlyTheAuthorityHears() {
        assertThat(VerdictAlerts.of(SOURCE, verdict("COUNTERFEIT", false, null)))
                .extracting(Alert::recipient).containsExactly(Recipient.authority("fr-douane"));
    }
}
