package org.openipm.messaging.cases.workflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.openipm.messaging.cases.workflow.CaseScenarios.extend;
import static org.openipm.messaging.cases.workflow.CaseScenarios.move;
import static org.openipm.messaging.cases.workflow.CaseScenarios.record;
import static org.openipm.messaging.cases.workflow.CaseScenarios.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.ControllableClock;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Legal deadlines through the API with the service's clock set by the test: computed for the office's country,
 * region and time zone when detention starts them, shown to each participant as far as it may see, met by the act
 * they wait for, extended as the law allows, and found by {@code deadlineBefore}.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseDeadlineTest {

    /** Wednesday 23 December 2026, 10:00 in Paris: the periods span Christmas and New Year. */
    static final Instant BEFORE_CHRISTMAS = Instant.parse("2026-12-23T09:00:00Z");

    @Inject
    ControllableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aDetentionInFranceGivesTheRightHolderTenWorkingDaysAcrossChristmasAndNewYear() {
        String authority = CaseScenarios.registerAuthority("FR", "FRLEH", "Europe/Paris", "FR-76");
        Product product = product();
        String caseId = CaseScenarios.openCase(authority, "FR", "FRLEH", product);
        clock.setTo(BEFORE_CHRISTMAS);

        move(officer(authority, "FR"), caseId, "DETAINED").then().statusCode(200);

        JsonPath officers = view(officer(authority, "FR"), caseId);
        // 24, 28-31 December, 4-8 January: 25 December and 1 January are public holidays in France.
        Map<String, Object> confirmation = deadline(officers, "RIGHT_HOLDER_CONFIRMATION");
        assertThat(confirmation).containsEntry("lastDay", "2027-01-08").containsEntry("dueAt", "2027-01-08T23:00:00Z")
                .containsEntry("state", "OPEN").containsEntry("mustAct", "RIGHT_HOLDER")
                .containsEntry("rule", "EU-608-23-1-RIGHT-HOLDER").containsEntry("startedAt", "2026-12-23T09:00:00Z");
        assertThat((String) confirmation.get("citation")).contains("608/2013, Art. 23(1)");
        assertThat(officers.getList("deadlines.kind")).containsExactlyInAnyOrder("RIGHT_HOLDER_CONFIRMATION",
                "DECLARANT_OBJECTION", "PROCEEDINGS_INITIATION");
        assertThat(officers.getList("timeline.kind").stream().filter("DEADLINE_STARTED"::equals)).hasSize(3);
        JsonPath brand = view(Tokens.brand(product.brandId()), caseId);
        assertThat(brand.getList("deadlines.kind")).containsExactlyInAnyOrder("RIGHT_HOLDER_CONFIRMATION",
                "DECLARANT_OBJECTION", "PROCEEDINGS_INITIATION");

        clock.setTo(Instant.parse("2027-01-04T08:00:00Z"));
        move(Tokens.brand(product.brandId()), caseId, "RIGHT_HOLDER_CONFIRMED").then().statusCode(200);

        JsonPath confirmed = view(officer(authority, "FR"), caseId);
        assertThat(deadline(confirmed, "RIGHT_HOLDER_CONFIRMATION")).containsEntry("state", "MET")
                .containsEntry("endedAt", "2027-01-04T08:00:00Z");
        assertThat(deadline(confirmed, "PROCEEDINGS_INITIATION")).containsEntry("state", "OPEN");
        assertThat(deadline(confirmed, "DECLARANT_OBJECTION")).containsEntry("state", "OPEN");

        move(officer(authority, "FR"), caseId, "RELEASED").then().statusCode(200);
        JsonPath released = view(officer(authority, "FR"), caseId);
        assertThat(deadline(released, "PROCEEDINGS_INITIATION")).containsEntry("state", "CANCELLED");
        assertThat(deadline(released, "DECLARANT_OBJECTION")).containsEntry("state", "CANCELLED");
        // Each end is on the record and on the timeline, after the move that caused it.
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            assertThat(Fixtures.caseEvents(caseEvents, caseId, EventTypes.CASE_DEADLINE_ENDED, 3))
                    .extracting(r -> r.path("kind").asText(), r -> r.path("state").asText(),
                            r -> r.path("endedBy").asText())
                    .containsExactly(tuple("RIGHT_HOLDER_CONFIRMATION", "MET", "RIGHT_HOLDER_CONFIRMED"),
                            tuple("DECLARANT_OBJECTION", "CANCELLED", "RELEASED"),
                            tuple("PROCEEDINGS_INITIATION", "CANCELLED", "RELEASED"));
        }
        assertThat(view(Tokens.brand(product.brandId()), caseId).getList("timeline.kind", String.class))
                .endsWith("STATUS_CHANGED", "DEADLINE_ENDED", "STATUS_CHANGED", "DEADLINE_ENDED",
                        "DEADLINE_ENDED");
    }

    @Test
    void aBavarianOfficeAlsoKeepsEpiphany() {
        String authority = CaseScenarios.registerAuthority("DE", "DEMUC", "Europe/Berlin", "DE-BY");
        String caseId = CaseScenarios.openCase(authority, "DE", "DEMUC", product());
        clock.setTo(BEFORE_CHRISTMAS);

        move(officer(authority, "DE"), caseId, "DETAINED").then().statusCode(200);

        // 24, 28-31 December, 4, 5, 7, 8, 11 January: 25-26 December, 1 and 6 January (Bavaria) are holidays.
        assertThat(deadline(view(officer(authority, "DE"), caseId), "RIGHT_HOLDER_CONFIRMATION"))
                .containsEntry("lastDay", "2027-01-11").containsEntry("dueAt", "2027-01-11T23:00:00Z");
    }

    @Test
    void aUnitedStatesOfficeCountsBusinessDaysWithFederalHolidaysInItsOwnTimeZone() {
        String authority = CaseScenarios.registerAuthority("US", "USNYC", "America/New_York", null);
        Product product = product();
        clock.setTo(Instant.parse("2026-12-23T15:00:00Z"));
        String caseId = CaseScenarios.openCase(authority, "US", "USNYC", product);

        JsonPath presented = view(officer(authority, "US"), caseId);
        // 24, 28, 29, 30, 31 December (25 December is a federal holiday); midnight in New York is 05:00 UTC.
        assertThat(deadline(presented, "RELEASE_OR_DETAIN_DECISION")).containsEntry("lastDay", "2026-12-31")
                .containsEntry("dueAt", "2027-01-01T05:00:00Z").containsEntry("mustAct", "AUTHORITY");
        assertThat(deadline(presented, "DEEMED_EXCLUSION")).containsEntry("lastDay", "2027-01-22");

        clock.setTo(Instant.parse("2026-12-28T15:00:00Z"));
        move(officer(authority, "US"), caseId, "DETAINED").then().statusCode(200);

        JsonPath detained = view(officer(authority, "US"), caseId);
        assertThat(deadline(detained, "RELEASE_OR_DETAIN_DECISION")).containsEntry("state", "MET");
        // 29, 30, 31 December, 4 and 5 January (1 January is a federal holiday).
        assertThat(deadline(detained, "IMPORTER_NOTICE")).containsEntry("lastDay", "2027-01-05")
                .containsEntry("dueAt", "2027-01-06T05:00:00Z");
        JsonPath brand = view(Tokens.brand(product.brandId()), caseId);
        assertThat(brand.getList("deadlines.kind")).containsExactlyInAnyOrder("RELEASE_OR_DETAIN_DECISION",
                "DEEMED_EXCLUSION");
        assertThat(brand.getList("timeline.summary").toString()).doesNotContain("IMPORTER_NOTICE");

        // The importer's clock is due before 7 January: officers find the case by it, the brand does not.
        assertThat(listed(officer(authority, "US"), "2027-01-07")).contains(caseId);
        assertThat(listed(Tokens.brand(product.brandId()), "2027-01-07")).doesNotContain(caseId);
        assertThat(listed(officer(authority, "US"), "2027-01-06T05:00:00Z")).doesNotContain(caseId);
        assertThat(listed(Tokens.brand(product.brandId()), "2027-01-24")).contains(caseId);
        given().auth().oauth2(officer(authority, "US")).get("/api/v1/cases?deadlineBefore=next-week").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theAuthorityExtendsTheRightHoldersPeriodOnceByAtMostTenWorkingDays() {
        String authority = CaseScenarios.registerAuthority("FR", "FRLEH", "Europe/Paris", null);
        Product product = product();
        String caseId = CaseScenarios.openCase(authority, "FR", "FRLEH", product);
        clock.setTo(BEFORE_CHRISTMAS);
        move(officer(authority, "FR"), caseId, "DETAINED").then().statusCode(200);
        JsonPath detained = view(officer(authority, "FR"), caseId);
        String confirmation = (String) deadline(detained, "RIGHT_HOLDER_CONFIRMATION").get("id");
        String proceedings = (String) deadline(detained, "PROCEEDINGS_INITIATION").get("id");
        String objection = (String) deadline(detained, "DECLARANT_OBJECTION").get("id");

        extend(Tokens.brand(product.brandId()), caseId, confirmation, 5).then().statusCode(403);
        extend(officer(Fixtures.registerAuthority("FR", "FRMRS"), "FR"), caseId, confirmation, 5).then()
                .statusCode(404);
        extend(officer(authority, "FR"), caseId, proceedings, 11).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("Art. 23(4)"));
        extend(officer(authority, "FR"), caseId, objection, 1).then().statusCode(409)
                .body("detail", containsString("cannot be extended"));
        extend(officer(authority, "FR"), caseId, confirmation, 0).then().statusCode(400);

        // 11-15 and 18-22 January after the first period's last day, 8 January.
        extend(officer(authority, "FR"), caseId, confirmation, 10).then().statusCode(200)
                .body("lastDay", org.hamcrest.Matchers.equalTo("2027-01-22"))
                .body("extensions", org.hamcrest.Matchers.equalTo(1))
                .body("citation", containsString("extended under"));
        extend(officer(authority, "FR"), caseId, confirmation, 1).then().statusCode(409)
                .body("detail", containsString("Art. 23(4)"));

        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            List<JsonNode> started = Fixtures.caseEvents(caseEvents, caseId, EventTypes.CASE_DEADLINE_STARTED, 3);
            assertThat(started).extracting(r -> r.path("kind").asText()).containsExactlyInAnyOrder(
                    "RIGHT_HOLDER_CONFIRMATION", "DECLARANT_OBJECTION", "PROCEEDINGS_INITIATION");
            JsonNode rightHolders = started.stream()
                    .filter(r -> r.path("deadlineId").asText().equals(confirmation)).findFirst().orElseThrow();
            assertThat(rightHolders.path("startedBy").asText()).isEqualTo("GOODS_DETAINED");
            assertThat(rightHolders.path("lastDay").asText()).isEqualTo("2027-01-08");
            assertThat(rightHolders.path("mustAct").findValuesAsText("id")).containsExactly(product.brandId());
            JsonNode extension = Fixtures.caseEvents(caseEvents, caseId, EventTypes.CASE_DEADLINE_EXTENDED, 1)
                    .get(0);
            assertThat(extension.path("deadlineId").asText()).isEqualTo(confirmation);
            assertThat(extension.path("previousLastDay").asText()).isEqualTo("2027-01-08");
            assertThat(extension.path("lastDay").asText()).isEqualTo("2027-01-22");
            assertThat(extension.path("days").asInt()).isEqualTo(10);
            assertThat(extension.path("extendedBy").path("id").asText()).isEqualTo(authority);
        }

        JsonPath extended = view(Tokens.brand(product.brandId()), caseId);
        assertThat(deadline(extended, "RIGHT_HOLDER_CONFIRMATION")).containsEntry("dueAt", "2027-01-22T23:00:00Z");
        Map<String, Object> entry = extended.getMap("timeline.find { it.kind == 'DEADLINE_EXTENDED' }");
        assertThat(entry.get("actorId")).isEqualTo(authority);
        assertThat(extended.getMap("timeline.find { it.kind == 'DEADLINE_EXTENDED' }.details"))
                .containsEntry("previousLastDay", "2027-01-08").containsEntry("days", 10);
    }

    @Test
    void perishableGoodsHaveThreeWorkingDaysThatCannotBeExtended() {
        String authority = CaseScenarios.registerAuthority("FR", "FRLEH", "Europe/Paris", null);
        String caseId = CaseScenarios.openCase(authority, "FR", "FRLEH", product());
        clock.setTo(BEFORE_CHRISTMAS);
        move(officer(authority, "FR"), caseId, "DETAINED", "PERISHABLE").then().statusCode(200);

        Map<String, Object> confirmation = deadline(view(officer(authority, "FR"), caseId),
                "RIGHT_HOLDER_CONFIRMATION");
        // 24, 28, 29 December.
        assertThat(confirmation).containsEntry("lastDay", "2026-12-29")
                .containsEntry("rule", "EU-608-23-1-RIGHT-HOLDER-PERISHABLE");
        extend(officer(authority, "FR"), caseId, (String) confirmation.get("id"), 2).then().statusCode(409)
                .body("detail", containsString("perishable"));
    }

    @Test
    void theImportersNoticeAndAnswerStartAndMeetTheUnitedStatesPeriods() {
        String authority = CaseScenarios.registerAuthority("US", "USLAX", "America/Los_Angeles", null);
        String officer = officer(authority, "US");
        Product product = product();
        String brand = Tokens.brand(product.brandId());
        clock.setTo(Instant.parse("2026-12-23T18:00:00Z"));
        String caseId = CaseScenarios.openCase(authority, "US", "USLAX", product);
        clock.setTo(Instant.parse("2026-12-28T18:00:00Z"));
        move(officer, caseId, "DETAINED", "RESTRICTED_ARTICLE").then().statusCode(200);

        record(officer, caseId, "IMPORTER_RESPONDED").then().statusCode(200); // a restricted article's importer
        assertThat(deadline(view(officer, caseId), "RESTRICTED_DETENTION")).containsEntry("state", "MET");
        record(brand, caseId, "IMPORTER_NOTIFIED").then().statusCode(403).contentType("application/problem+json");
        record(officer(Fixtures.registerAuthority("US", "USSEA"), "US"), caseId, "IMPORTER_NOTIFIED").then()
                .statusCode(404);
        record(officer, caseId, "GOODS_DETAINED").then().statusCode(400).body("errors[0].field",
                org.hamcrest.Matchers.equalTo("event"));
        record(officer, caseId, "OBJECTION_NOTIFIED").then().statusCode(409)
                .body("type", containsString("procedure-event-not-applicable"));
        assertThat(deadline(view(officer, caseId), "IMPORTER_NOTICE")).containsEntry("state", "OPEN");

        clock.setTo(Instant.parse("2026-12-30T18:00:00Z"));
        record(officer, caseId, "IMPORTER_NOTIFIED").then().statusCode(200);

        JsonPath notified = view(officer, caseId);
        assertThat(deadline(notified, "IMPORTER_NOTICE")).containsEntry("state", "MET")
                .containsEntry("endedAt", "2026-12-30T18:00:00Z");
        // 31 December, 4-8 and 11 January (1 January is a federal holiday); midnight in Los Angeles is 08:00 UTC.
        assertThat(deadline(notified, "IMPORTER_RESPONSE")).containsEntry("state", "OPEN")
                .containsEntry("startedBy", "IMPORTER_NOTIFIED").containsEntry("lastDay", "2027-01-11")
                .containsEntry("dueAt", "2027-01-12T08:00:00Z").containsEntry("mustAct", "IMPORTER");
        assertThat(notified.getList("timeline.findAll { it.kind == 'PROCEDURE_EVENT_RECORDED' }.details.event"))
                .containsExactly("IMPORTER_RESPONDED", "IMPORTER_NOTIFIED");
        record(officer, caseId, "IMPORTER_NOTIFIED").then().statusCode(409)
                .body("type", containsString("procedure-event-recorded"));
        // What passes between the authority and the importer stays with the authorities.
        JsonPath brands = view(brand, caseId);
        assertThat(brands.getList("deadlines.kind")).doesNotContain("IMPORTER_NOTICE", "IMPORTER_RESPONSE");
        assertThat(brands.getList("timeline.kind")).doesNotContain("PROCEDURE_EVENT_RECORDED");

        move(officer, caseId, "RELEASED").then().statusCode(200);
        assertThat(deadline(view(officer, caseId), "IMPORTER_RESPONSE")).containsEntry("state", "CANCELLED");
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            assertThat(Fixtures.caseEvents(caseEvents, caseId, EventTypes.CASE_PROCEDURE_EVENT_RECORDED, 2))
                    .extracting(r -> r.path("event").asText(), r -> r.path("recordedBy").path("id").asText())
                    .containsExactly(tuple("IMPORTER_RESPONDED", authority), tuple("IMPORTER_NOTIFIED", authority));
            assertThat(Fixtures.caseEvents(caseEvents, caseId, EventTypes.CASE_DEADLINE_ENDED, 5))
                    .extracting(r -> r.path("kind").asText(), r -> r.path("state").asText(),
                            r -> r.path("endedBy").asText())
                    .contains(tuple("RESTRICTED_DETENTION", "MET", "IMPORTER_RESPONDED"),
                            tuple("IMPORTER_NOTICE", "MET", "IMPORTER_NOTIFIED"),
                            tuple("IMPORTER_RESPONSE", "CANCELLED", "RELEASED"));
        }
        record(officer, caseId, "IMPORTER_RESPONDED").then().statusCode(409)
                .body("type", containsString("illegal-procedure-event"));
    }

    @Test
    void aSmallConsignmentsObjectionMeetsTheDeclarantsPeriodAndStartsTheProceedingsPeriod() {
        String authority = CaseScenarios.registerAuthority("FR", "FRCDG", "Europe/Paris", null);
        String officer = officer(authority, "FR");
        Product product = product();
        String brand = Tokens.brand(product.brandId());
        String caseId = CaseScenarios.openCase(authority, "FR", "FRCDG", product);
        clock.setTo(BEFORE_CHRISTMAS);
        move(officer, caseId, "DETAINED", "SMALL_CONSIGNMENT").then().statusCode(200);
        assertThat(view(officer, caseId).getList("deadlines.rule")).containsExactly("EU-608-26-DECLARANT");
        record(officer, caseId, "IMPORTER_NOTIFIED").then().statusCode(409)
                .body("type", containsString("procedure-event-not-applicable"));

        clock.setTo(Instant.parse("2027-01-04T08:00:00Z"));
        record(officer, caseId, "OBJECTION_NOTIFIED").then().statusCode(200);

        JsonPath objected = view(brand, caseId);
        assertThat(deadline(objected, "DECLARANT_OBJECTION")).containsEntry("state", "MET");
        // 5-8, 11-15 and 18 January.
        assertThat(deadline(objected, "PROCEEDINGS_INITIATION")).containsEntry("rule", "EU-608-26-PROCEEDINGS")
                .containsEntry("lastDay", "2027-01-18").containsEntry("dueAt", "2027-01-18T23:00:00Z")
                .containsEntry("state", "OPEN");
        // The law has the right holder told of the objection: the brand reads it on the timeline.
        assertThat(objected.getList("timeline.findAll { it.kind == 'PROCEDURE_EVENT_RECORDED' }.details.event"))
                .containsExactly("OBJECTION_NOTIFIED");

        move(brand, caseId, "PROCEEDINGS").then().statusCode(200);
        assertThat(deadline(view(officer, caseId), "PROCEEDINGS_INITIATION")).containsEntry("state", "MET");
    }

    private static List<String> listed(String token, String before) {
        return given().auth().oauth2(token).queryParam("deadlineBefore", before).queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static Map<String, Object> deadline(JsonPath view, String kind) {
        Map<String, Object> found = view.getMap("deadlines.find { it.kind == '" + kind + "' }");
        assertThat(found).as("deadline " + kind).isNotNull();
        return found;
    }

    private static Product product() {
        return Fixtures.cataloguedProduct("watches");
    }

    private static String officer(String authority, String country) {
        return Tokens.officer(authority, country);
    }
}
