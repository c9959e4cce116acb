package org.openipm.notification.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.notification.SourceEvents.alerts;
import static org.openipm.notification.SourceEvents.awaitAlerts;
import static org.openipm.notification.SourceEvents.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import java.time.LocalDate;
import org.openipm.events.cases.CaseDeadlineMissed;
import org.openipm.events.cases.CaseLinked;
import org.openipm.events.cases.CaseMessagePosted;
import org.openipm.events.cases.CaseParty;
import org.openipm.events.cases.CaseStatusChanged;
import org.openipm.events.cases.CaseOpened;
import org.openipm.events.cases.CaseParticipantInvited;
import org.openipm.notification.SourceEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** A case's records on the real broker alert the participants they concern, once each, and nobody else. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AlertsFromCaseEventsTest {

    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.CASE_EVENTS, "notification-service");

    @Test
    void anInvitationReachesTheInvitedAuthorityAndALinkTheHolderOnce() {
        String brand = unique("acme");
        String holder = unique("be-customs");
        String invited = unique("de-zoll");
        String otherHolder = unique("nl-douane");
        UUID caseId = UUID.randomUUID();
        UUID otherCase = UUID.randomUUID();
        send(caseId, EventTypes.CASE_OPENED, UUID.randomUUID(),
                new CaseOpened(caseId, "FLAGGED", holder, "BE", "BEANR", "SEA", List.of(brand), Instant.now()));
        UUID invitation = UUID.randomUUID();
        CaseParticipantInvited invitedRecord = new CaseParticipantInvited(caseId, invited, "DE", holder, Instant.now());
        send(caseId, EventTypes.CASE_PARTICIPANT_INVITED, invitation, invitedRecord);
        send(caseId, EventTypes.CASE_PARTICIPANT_INVITED, invitation, invitedRecord); // redelivered
        send(caseId, EventTypes.CASE_LINKED, UUID.randomUUID(), new CaseLinked(caseId, otherCase, "CONTAINER",
                "CSQU3054383", otherHolder, "NL", "NLRTM", Instant.now()));

        JsonPath holderAlerts = awaitAlerts(Tokens.officer(holder, "BE"), 1);
        assertThat(holderAlerts.getString("items[0].type")).isEqualTo("CASE_LINKED");
        assertThat(holderAlerts.getString("items[0].link")).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(holderAlerts.getString("items[0].summary")).isEqualTo("Case " + caseId + " is linked to case "
                + otherCase + " of " + otherHolder + " (NL): same CONTAINER CSQU3054383");
        // Applied after the invitation and its redelivery (same key): the invited authority heard once.
        JsonPath invitedAlerts = awaitAlerts(Tokens.officer(invited, "DE"), 1);
        assertThat(invitedAlerts.getString("items[0].type")).isEqualTo("CASE_INVITATION");
        assertThat(invitedAlerts.getString("items[0].link")).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(invitedAlerts.getString("items[0].sourceEventId")).isEqualTo(invitation.toString());
        // The opening alerts nobody (the brand hears of it from shipment-flagged); the other holder hears of the
        // link from its own case's record, not from this one.
        assertThat(alerts(Tokens.brand(brand)).getList("items")).isEmpty();
        assertThat(alerts(Tokens.officer(otherHolder, "NL")).getList("items")).isEmpty();
    }

    @Test
    void unknownTypesAreSkippedPoisonIsSetAsideAndTheNextRecordArrives() {
        String holder = unique("be-customs");
        String invited = unique("fr-douane");
        UUID caseId = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        UUID unknownId = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            send(caseId, EventTypes.CASE_OPENED, UUID.randomUUID(),
                    new CaseOpened(caseId, "FLAGGED", holder, "BE", "BEANR", "AIR", List.of(), Instant.now()));
            SourceEvents.sendBytes(Topics.CASE_EVENTS, "org.openipm.messaging.CaseRenamed.v9", "messaging-service",
                    caseId.toString(), unknownId, "{\"whatever\":true}".getBytes(StandardCharsets.UTF_8));
            SourceEvents.sendBytes(Topics.CASE_EVENTS, EventTypes.CASE_PARTICIPANT_INVITED, "messaging-service",
                    caseId.toString(), poisonId, ("{\"caseId\":\"" + caseId + "\"}").getBytes(StandardCharsets.UTF_8));
            send(caseId, EventTypes.CASE_PARTICIPANT_INVITED, UUID.randomUUID(),
                    new CaseParticipantInvited(caseId, invited, "FR", holder, Instant.now()));
            deadLetters.awaitOne(r -> poisonId.toString().equals(TopicReader.header(r, CloudEventHeaders.ID)));
            assertThat(awaitAlerts(Tokens.officer(invited, "FR"), 1).getList("items.type"))
                    .containsExactly("CASE_INVITATION");
            assertThat(deadLetters.drain(java.time.Duration.ofMillis(300)))
                    .noneMatch(r -> unknownId.toString().equals(TopicReader.header(r, CloudEventHeaders.ID)));
        }
    }

    @Test
    void statusMessagesAndDeadlinesReachTheirParticipantsAndABrandNeverReadsAnotherBrand() {
        String acme = unique("acme");
        String zenith = unique("zenith");
        String holder = unique("fr-customs");
        String invited = unique("es-aduanas");
        UUID caseId = UUID.randomUUID();
        send(caseId, EventTypes.CASE_STATUS_CHANGED, UUID.randomUUID(), new CaseStatusChanged(caseId, "FLAGGED",
                "DETAINED", CaseParty.authority(holder), "the " + zenith + " logos are off",
                "Regulation (EU) No 608/2013, Art. 17(1)", List.of(acme, zenith), List.of(holder, invited),
                Instant.now()));
        send(caseId, EventTypes.CASE_MESSAGE_POSTED, UUID.randomUUID(), new CaseMessagePosted(caseId,
                UUID.randomUUID(), "ASSESSMENT_REQUEST", CaseParty.authority(holder), List.of(CaseParty.brand(acme)),
                1, Instant.now()));
        Instant due = Instant.now().minusSeconds(60);
        send(caseId, EventTypes.CASE_DEADLINE_MISSED, UUID.randomUUID(), new CaseDeadlineMissed(caseId,
                UUID.randomUUID(), "RIGHT_HOLDER_CONFIRMATION", "EU-608-23-1-RIGHT-HOLDER",
                "Regulation (EU) No 608/2013, Art. 23(1)", LocalDate.now(), due, List.of(CaseParty.brand(acme)),
                "FR", "FRLEH", Instant.now()));

        JsonPath acmeAlerts = awaitAlerts(Tokens.brand(acme), 3);
        assertThat(acmeAlerts.getList("items.type")).containsExactlyInAnyOrder("CASE_STATUS_CHANGED",
                "CASE_MESSAGE", "DEADLINE_MISSED");
        assertThat(acmeAlerts.getString("items.find { it.type == 'DEADLINE_MISSED' }.severity")).isEqualTo("CRITICAL");
        assertThat(acmeAlerts.getList("items.link")).containsOnly("/api/v1/cases/" + caseId);
        assertThat(acmeAlerts.prettify()).doesNotContain(zenith);
        JsonPath zenithAlerts = awaitAlerts(Tokens.brand(zenith), 1);
        assertThat(zenithAlerts.getString("items[0].summary")).isEqualTo("Case " + caseId + " is now DETAINED");
        assertThat(zenithAlerts.prettify()).doesNotContain(acme);
        assertThat(awaitAlerts(Tokens.officer(invited, "ES"), 1).getString("items[0].facts.reason"))
                .contains("logos are off");
        // The holder made the move and wrote the message: nothing for it.
        assertThat(alerts(Tokens.officer(holder, "FR")).getList("items")).isEmpty();
    }

    private static void send(UUID caseId, String type, UUID eventId, Object payload) {
        SourceEvents.send(Topics.CASE_EVENTS, type, "messaging-service", caseId.toString(), eventId, payload);
    }
}
