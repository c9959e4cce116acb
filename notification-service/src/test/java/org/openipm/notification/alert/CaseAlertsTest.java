package org.openipm.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import java.time.LocalDate;
import org.openipm.events.cases.CaseDeadlineApproaching;
import org.openipm.events.cases.CaseDeadlineMissed;
import org.openipm.events.cases.CaseLinked;
import org.openipm.events.cases.CaseMessagePosted;
import org.openipm.events.cases.CaseParticipantInvited;
import org.openipm.events.cases.CaseParty;
import org.openipm.events.cases.CaseStatusChanged;

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

    @Test
    void aStatusChangeAlertsEveryParticipantButTheActorAndABrandReadsNoOtherBrandNorTheReason() {
        List<Alert> alerts = CaseAlerts.statusChanged(SOURCE, new CaseStatusChanged(CASE, "FLAGGED", "DETAINED",
                CaseParty.authority("fr-customs"), "zenith logo is off", "Regulation (EU) No 608/2013, Art. 17(1)",
                List.of("acme", "zenith"), List.of("de-zoll", "fr-customs"), Instant.parse("2026-12-02T09:00:00Z")));
        assertThat(alerts).extracting(Alert::recipient).containsExactly(Recipient.brand("acme"),
                Recipient.brand("zenith"), Recipient.authority("de-zoll"));
        Alert acme = alerts.get(0);
        assertThat(acme.brands()).containsExactly("acme");
        assertThat(acme.facts()).containsEntry("status", "DETAINED").containsEntry("changedBy", "fr-customs")
                .doesNotContainKey("reason");
        assertThat(acme.facts().values()).noneMatch(value -> value.contains("zenith"));
        assertThat(alerts.get(2).facts()).containsEntry("reason", "zenith logo is off");
        assertThat(alerts.get(2).brands()).containsExactly("acme", "zenith");
    }

    @Test
    void aMessageAlertsItsAddresseesButItsAuthorAndABrandIsNotToldWhichOtherBrandWrote() {
        List<Alert> alerts = CaseAlerts.messagePosted(SOURCE, new CaseMessagePosted(CASE, OTHER, "INFORMATION",
                CaseParty.brand("zenith"), List.of(CaseParty.brand("acme"), CaseParty.authority("fr-customs"),
                        CaseParty.brand("zenith")), 0, Instant.parse("2026-12-02T09:00:00Z")));
        assertThat(alerts).extracting(Alert::recipient).containsExactly(Recipient.brand("acme"),
                Recipient.authority("fr-customs"));
        assertThat(alerts.get(0).facts()).doesNotContainKey("postedBy").containsEntry("postedByKind", "BRAND");
        assertThat(alerts.get(0).brands()).containsExactly("acme");
        assertThat(alerts.get(1).facts()).containsEntry("postedBy", "zenith");
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.type()).isEqualTo(AlertType.CASE_MESSAGE));
    }

    @Test
    void aDeadlineAlertsThePartyWhoseClockItIsAndAMissIsCritical() {
        Instant due = Instant.parse("2026-12-16T23:00:00Z");
        List<Alert> near = CaseAlerts.deadlineApproaching(SOURCE, new CaseDeadlineApproaching(CASE, OTHER,
                "RIGHT_HOLDER_CONFIRMATION", "EU-608-23-1-RIGHT-HOLDER", "Art. 23(1)", LocalDate.of(2026, 12, 16),
                due, List.of(CaseParty.brand("acme")), "FR", "FRLEH", Instant.parse("2026-12-14T08:00:00Z")));
        assertThat(near).singleElement().satisfies(alert -> {
            assertThat(alert.recipient()).isEqualTo(Recipient.brand("acme"));
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.facts()).containsEntry("deadline", "RIGHT_HOLDER_CONFIRMATION")
                    .containsEntry("dueAt", due.toString());
        });
        List<Alert> missed = CaseAlerts.deadlineMissed(SOURCE, new CaseDeadlineMissed(CASE, OTHER,
                "RIGHT_HOLDER_CONFIRMATION", "EU-608-23-1-RIGHT-HOLDER", "Art. 23(1)", LocalDate.of(2026, 12, 16),
                due, List.of(CaseParty.brand("acme"), CaseParty.authority("fr-customs")), "FR", "FRLEH", due));
        assertThat(missed).extracting(Alert::recipient).containsExactly(Recipient.brand("acme"),
                Recipient.authority("fr-customs"));
        assertThat(missed).extracting(Alert::severity).containsOnly(Severity.CRITICAL);
        assertThat(missed.get(0).id()).isNotEqualTo(near.get(0).id());
    }
}
