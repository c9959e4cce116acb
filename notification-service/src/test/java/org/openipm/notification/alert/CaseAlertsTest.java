package org.openipm.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.cases.CaseLinked;
import org.openipm.events.cases.CaseParticipantInvited;

class CaseAlertsTest {

    static final UUID SOURCE = UUID.fromString("2f7d8c1e-4c8a-4a8e-9a51-1c3c8a5e2b10");
    static final UUID CASE = UUID.fromString("7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d");
    static final UUID OTHER = UUID.fromString("8c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d");
    static final CaseParties PARTIES = new CaseParties(CASE, "fr-customs", List.of("fr-customs", "de-zoll"),
            List.of("acme", "zenith"));

    @Test
    void anInvitationAlertsTheInvitedAuthorityOnly() {
        List<Alert> alerts = CaseAlerts.invited(SOURCE, new CaseParticipantInvited(CASE, "de-zoll", "DE",
                "fr-customs", Instant.parse("2026-12-02T09:00:00Z")));
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.recipient()).isEqualTo(Recipient.authority("de-zoll"));
            assertThat(alert.type()).isEqualTo(AlertType.CASE_INVITATION);
            assertThat(alert.link()).isEqualTo("/api/v1/cases/" + CASE);
            assertThat(alert.brands()).isEmpty();
        });
    }

    @Test
    void aLinkAlertsTheHolderOfTheRecordsCase() {
        List<Alert> alerts = CaseAlerts.linked(SOURCE, new CaseLinked(CASE, OTHER, "CONTAINER", "CSQU3054383",
                "nl-douane", "NL", "NLRTM", Instant.parse("2026-12-02T09:00:00Z")), PARTIES);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.recipient()).isEqualTo(Recipient.authority("fr-customs"));
            assertThat(alert.facts()).containsEntry("linkedCaseId", OTHER.toString())
                    .containsEntry("identifier", "CSQU3054383");
            assertThat(alert.link()).isEqualTo("/api/v1/cases/" + CASE);
        });
    }
}
