package org.openipm.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.platform.problem.Problem.FieldError;

class BrandAlertRulesTest {

    static BrandAlertRequest request(List<String> countries, List<String> types, List<String> photos) {
        return new BrandAlertRequest("NEW_FAKE_SEEN", "Fake Model X watches with a misspelt logo", List.of(),
                countries, types, photos);
    }

    @Test
    void aWellFormedAlertBreaksNoRule() {
        assertThat(BrandAlertRules.violations(request(List.of("FR", "BE"), List.of("CUSTOMS", "POLICE"),
                List.of("https://cdn.acme.example/fakes/x1.jpg")))).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        List<FieldError> errors = BrandAlertRules.violations(new BrandAlertRequest("PANIC", "text", List.of(),
                List.of("FR", "XX", "fr", "FR"), List.of("CUSTOMS", "NAVY"),
                List.of("http://cdn.example/a.jpg", "https://user:pw@cdn.example/b.jpg", "file:///etc/passwd",
                        "https://cdn.example/ok.png")));
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("kind", "targetCountries[1]",
                "targetCountries[2]", "targetCountries[3]", "authorityTypes[1]", "photoUrls[0]", "photoUrls[1]",
                "photoUrls[2]");
    }

    @Test
    void oneAlertPerTargetCountryAndAuthorityTypeAddressedToThatAudience() {
        UUID id = UUID.randomUUID();
        List<Alert> alerts = BrandAlerts.of(id, "acme", request(List.of("FR", "BE"), List.of("CUSTOMS", "POLICE"),
                List.of()), Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(alerts).extracting(Alert::recipient).containsExactly(
                Recipient.audience("FR", AuthorityType.CUSTOMS), Recipient.audience("FR", AuthorityType.POLICE),
                Recipient.audience("BE", AuthorityType.CUSTOMS), Recipient.audience("BE", AuthorityType.POLICE));
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.BRAND_ALERT);
            assertThat(alert.sourceEventId()).isEqualTo(id);
            assertThat(alert.brands()).containsExactly("acme");
        });
        assertThat(AlertTexts.summary(alerts.get(0), "en"))
                .isEqualTo("acme warns (NEW_FAKE_SEEN): Fake Model X watches with a misspelt logo");
    }

    @Test
    void anOfficerHearsItsCountrysAudienceOfItsTypeOrEveryTypeWhenTheTokenSaysNone() {
        Inbox customs = Inbox.officer("fr-customs", java.util.Optional.of("FR"), java.util.Optional.of("CUSTOMS"));
        assertThat(customs.includes(Recipient.audience("FR", AuthorityType.CUSTOMS))).isTrue();
        assertThat(customs.includes(Recipient.audience("FR", AuthorityType.POLICE))).isFalse();
        assertThat(customs.includes(Recipient.audience("DE", AuthorityType.CUSTOMS))).isFalse();
        assertThat(customs.includes(Recipient.authority("fr-customs"))).isTrue();
        Inbox untyped = Inbox.officer("fr-customs", java.util.Optional.of("FR"), java.util.Optional.empty());
        assertThat(untyped.audiences()).hasSize(AuthorityType.values().length);
        assertThat(Inbox.officer("x", java.util.Optional.of("FR"), java.util.Optional.of("NAVY")).audiences())
                .isEmpty();
        assertThat(Inbox.officer("x", java.util.Optional.empty(), java.util.Optional.of("CUSTOMS")).audiences())
                .isEmpty();
        assertThat(Inbox.brand("acme").includes(Recipient.audience("FR", AuthorityType.CUSTOMS))).isFalse();
    }
}
