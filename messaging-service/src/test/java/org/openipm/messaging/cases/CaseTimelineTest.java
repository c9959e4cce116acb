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
