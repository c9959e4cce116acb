package org.openipm.messaging.cases.thread;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.messaging.Fixtures.goods;
import static org.openipm.messaging.Fixtures.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** Corrections are new timeline entries naming the one they correct, by participants who can read that entry. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseCorrectionTest {

    @Test
    void aParticipantCorrectsAnEntryItCanReadAndTheEntryStaysAsItWas() {
        Fixtures.TwoBrandCase shared = Fixtures.twoBrandCase();
        String french = shared.authority();
        Product watches = shared.watches();
        Product bags = shared.bags();
        String caseId = shared.caseId();
        String dutch = Fixtures.registerAuthority("NL", "NLRTM");
        Fixtures.flag(dutch, "NL", shipment("NLRTM", shared.container(), List.of(goods("Watches"))));
        String officer = Tokens.officer(french, "FR");
        given().auth().oauth2(officer).contentType("application/json").body(Map.of("type", "INFORMATION",
                "text", "300 pieces, not 30", "addressedTo", List.of(Map.of("kind", "BRAND", "id",
                        watches.brandId())))).post("/api/v1/cases/{id}/messages", caseId).then().statusCode(201);
        JsonPath before = given().auth().oauth2(officer).get("/api/v1/cases/{id}", caseId).then().extract()
                .jsonPath();
        assertThat(before.getList("timeline.kind")).containsExactly("OPENED", "LINKED", "MESSAGE_POSTED");
        long opened = before.getLong("timeline[0].id");
        long linked = before.getLong("timeline[1].id");
        long toWatches = before.getLong("timeline[2].id");

        JsonPath correction = correct(officer, caseId, opened, "Flagged at FRLEH quay 4, not quay 2").statusCode(201)
                .extract().jsonPath();
        assertThat(correction.getLong("corrects")).isEqualTo(opened);
        correct(Tokens.brand(watches.brandId()), caseId, toWatches, "Our reference is W-1, not W-7")
                .statusCode(201);

        JsonPath after = given().auth().oauth2(officer).get("/api/v1/cases/{id}", caseId).then().extract()
                .jsonPath();
        assertThat(after.getList("timeline.kind")).containsExactly("OPENED", "LINKED", "MESSAGE_POSTED",
                "CORRECTION", "CORRECTION");
        assertThat(after.getString("timeline[0].summary")).isEqualTo(before.getString("timeline[0].summary"));
        assertThat(after.getLong("timeline[3].corrects")).isEqualTo(opened);
        assertThat(after.getString("timeline[4].actorId")).isEqualTo(watches.brandId());
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            List<JsonNode> records = Fixtures.caseEvents(caseEvents, caseId, EventTypes.CASE_TIMELINE_CORRECTED, 2);
            assertThat(records).extracting(r -> r.path("correctsEntryId").asLong()).containsExactly(opened, toWatches);
            assertThat(records).extracting(r -> r.path("entryId").asLong())
                    .containsExactly(after.getLong("timeline[3].id"), after.getLong("timeline[4].id"));
            assertThat(records.get(1).path("correctedBy").path("id").asText()).isEqualTo(watches.brandId());
            // Never the text: it stays in the case, read by whoever reads the corrected entry.
            assertThat(records.toString()).doesNotContain("Our reference is W-1");
        }
        // Each brand reads the corrections of what it reads: the other brand's message and its correction stay hidden.
        JsonPath bagsView = given().auth().oauth2(Tokens.brand(bags.brandId())).get("/api/v1/cases/{id}", caseId)
                .then().extract().jsonPath();
        assertThat(bagsView.getList("timeline.kind")).containsExactly("OPENED", "CORRECTION");

        correct(Tokens.brand(bags.brandId()), caseId, toWatches, "not mine").statusCode(404);
        correct(Tokens.brand(watches.brandId()), caseId, linked, "a link brands never see").statusCode(404);
        correct(officer, caseId, opened, " ").statusCode(400).body("errors[0].field", org.hamcrest.Matchers.is("text"));
        String stranger = Fixtures.registerAuthority("DE", "DEHAM");
        for (String token : List.of(Tokens.officer(stranger, "DE"), Tokens.brand(Fixtures.newId("stranger")),
                Tokens.admin())) {
            correct(token, caseId, opened, "let me in").statusCode(404);
        }
        String otherCase = Fixtures.flag(french, "FR", shipment("FRLEH", Fixtures.newContainerNumber(),
                List.of(goods("Shoes")))).getString("caseId");
        correct(officer, otherCase, opened, "wrong case").statusCode(404);
        assertThat(given().auth().oauth2(officer).get("/api/v1/cases/{id}", caseId).then().extract().jsonPath()
                .getList("timeline")).hasSize(5);
    }

    private static io.restassured.response.ValidatableResponse correct(String token, String caseId, long entryId,
            String text) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("text", text))
                .post("/api/v1/cases/{id}/timeline/{entry}/corrections", caseId, entryId).then();
    }
}
