package org.openipm.messaging.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openipm.messaging.Fixtures.goods;
import static org.openipm.messaging.Fixtures.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.messaging.seizure.SeizureRecords;
import org.openipm.platform.security.Roles;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.TopicReader;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import static org.hamcrest.Matchers.equalTo;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** A case's timeline: every change in order, each participant's share of it, and no way to rewrite it. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseTimelineTest {

    @Inject
    DataSource dataSource;

    @Test
    void theTimelineShowsEachChangeInOrderAndABrandOnlyWhatIsMeantForIt() {
        String french = Fixtures.registerAuthority("FR", "FRLEH");
        String dutch = Fixtures.registerAuthority("NL", "NLRTM");
        String chinese = Fixtures.registerAuthority("CN", "CNSHA");
        Product watches = Fixtures.cataloguedProduct("watches");
        String container = Fixtures.newContainerNumber();
        String caseId = Fixtures.flag(french, "FR", shipment("FRLEH", container,
                List.of(goods("Wrist watches", watches.gtin())))).getString("caseId");
        Fixtures.flag(dutch, "NL", shipment("NLRTM", container, List.of(goods("Watches"))));
        given().auth().oauth2(Tokens.officer(french, "FR")).contentType("application/json")
                .body(Map.of("authority", chinese)).post("/api/v1/cases/{id}/invitations", caseId).then()
                .statusCode(201);

        JsonPath officer = given().auth().oauth2(Tokens.officer(french, "FR")).get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(officer.getList("timeline.kind")).containsExactly("OPENED", "LINKED", "PARTICIPANT_INVITED");
        assertThat(officer.getList("timeline.actorId")).containsExactly(french, "SYSTEM", french);
        assertThat(officer.getString("timeline[1].details.authority")).isEqualTo(dutch);

        JsonPath brand = given().auth().oauth2(Tokens.brand(watches.brandId())).get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).extract().jsonPath();
        // Brands never learn that another country holds the same shipment unless that authority is invited.
        assertThat(brand.getList("timeline.kind")).containsExactly("OPENED", "PARTICIPANT_INVITED");
        assertThat(brand.prettify()).doesNotContain(dutch);
    }

    @Test
    void aSeizureJoiningTheCaseIsOnItsTimelineAndCaseEventsOnceWhateverTheDeliveries() {
        String french = Fixtures.registerAuthority("FR", "FRLEH");
        Product watches = Fixtures.verifiedProduct(Fixtures.newId("watches"));
        Fixtures.awaitCatalogue(watches);
        String caseId = Fixtures.flag(french, "FR", shipment("FRLEH", Fixtures.newContainerNumber(),
                List.of(goods("Wrist watches", watches.gtin())))).getString("caseId");
        String system = Tokens.withRole(Roles.CUSTOMS_SYSTEM, french, "FR");
        Map<String, Object> seizure = SeizureRecords.seizure(Fixtures.newId("FR-S"), watches.gtin(), 4, "pieces", 80);
        seizure.put("caseId", caseId);
        Map<String, Object> amended = new java.util.HashMap<>(seizure);
        amended.put("estimatedValue", 90.0);

        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS);
                TopicReader matched = new TopicReader(Topics.SEIZURE_MATCHED);
                SeizureRecords.Writer writer = new SeizureRecords.Writer(KafkaBroker.bootstrapServers())) {
            given().auth().oauth2(system).contentType("application/json").body(Map.of("seizures", List.of(seizure)))
                    .post("/api/v1/seizures").then().statusCode(202).body("accepted", equalTo(1));
            JsonNode attached = Fixtures.caseEvents(caseEvents, caseId, EventTypes.CASE_SEIZURE_ATTACHED, 1).get(0);
            assertThat(attached.get("externalId").asText()).isEqualTo(seizure.get("externalId"));
            assertThat(attached.get("brandIds").toString()).isEqualTo("[\"" + watches.brandId() + "\"]");
            // delivered again: re-posted, written onto the topic by the customs system, then amended keeping the case
            given().auth().oauth2(system).contentType("application/json").body(Map.of("seizures", List.of(seizure)))
                    .post("/api/v1/seizures").then().statusCode(202).body("duplicates", equalTo(1));
            writer.write(french, seizure, system);
            given().auth().oauth2(system).contentType("application/json").body(amended)
                    .put("/api/v1/seizures/{id}", seizure.get("externalId")).then().statusCode(202);
            matched.await(r -> r.value().contains("\"externalId\":\"" + seizure.get("externalId") + "\""), 2,
                    java.time.Duration.ofSeconds(30));
            assertThat(caseEvents.drain(java.time.Duration.ofSeconds(2)).stream().filter(r -> caseId.equals(r.key())
                    && EventTypes.CASE_SEIZURE_ATTACHED.equals(TopicReader.header(r, "ce_type")))).hasSize(1);
        }
        JsonPath officer = given().auth().oauth2(Tokens.officer(french, "FR")).get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(officer.getList("timeline.findAll { it.kind == 'SEIZURE_ATTACHED' }.details.externalId"))
                .containsExactly(seizure.get("externalId"));
        assertThat(given().auth().oauth2(Tokens.brand(watches.brandId())).get("/api/v1/cases/{id}", caseId).then()
                .statusCode(200).extract().jsonPath().getList("timeline.kind")).contains("SEIZURE_ATTACHED");
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteAnEntry() throws SQLException {
        String french = Fixtures.registerAuthority("FR", "FRLEH");
        UUID caseId = UUID.fromString(Fixtures.flag(french, "FR", shipment("FRLEH", Fixtures.newContainerNumber(),
                List.of(goods("Watches")))).getString("caseId"));

        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> execute(connection,
                    "update case_timeline_entry set summary = 'nothing happened' where case_id = ?", caseId))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(connection, "delete from case_timeline_entry where case_id = ?", caseId))
                    .hasMessageContaining("append-only");
        }
        given().auth().oauth2(Tokens.officer(french, "FR")).get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("timeline[0].summary", org.hamcrest.Matchers.startsWith("Shipment flagged at FRLEH"));
    }

    private static void execute(Connection connection, String sql, UUID caseId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, caseId);
            statement.executeUpdate();
        }
    }
}
