package org.openipm.messaging.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.openipm.messaging.Fixtures.goods;
import static org.openipm.messaging.Fixtures.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** A participant authority brings another country's authority into its case. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseInvitationTest {

    @Test
    void anInvitedAuthoritysOfficersSeeTheCaseFromThenOn() {
        String french = Fixtures.registerAuthority("FR", "FRLEH");
        String chinese = Fixtures.registerAuthority("CN", "CNSHA");
        String caseId = Fixtures.flag(french, "FR", shipment("FRLEH", Fixtures.newContainerNumber(),
                List.of(goods("Watches")))).getString("caseId");
        given().auth().oauth2(Tokens.officer(chinese, "CN")).get("/api/v1/cases/{id}", caseId).then().statusCode(404);

        given().auth().oauth2(Tokens.officer(french, "FR")).contentType("application/json")
                .body(Map.of("authority", chinese)).post("/api/v1/cases/{id}/invitations", caseId).then()
                .statusCode(201).body("authority", equalTo(chinese)).body("country", equalTo("CN"));

        given().auth().oauth2(Tokens.officer(chinese, "CN")).get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("participants.role", hasItem("INVITED")).body("parties.trader.name", equalTo("Jean Trader"));
        given().auth().oauth2(Tokens.officer(chinese, "CN")).get("/api/v1/cases").then()
                .body("items.id", hasItem(caseId));
        given().auth().oauth2(Tokens.officer(french, "FR")).contentType("application/json")
                .body(Map.of("authority", chinese)).post("/api/v1/cases/{id}/invitations", caseId).then()
                .statusCode(409);
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            ConsumerRecord<String, String> invited = caseEvents.awaitOne(r -> caseId.equals(r.key())
                    && EventTypes.CASE_PARTICIPANT_INVITED.equals(TopicReader.header(r, "ce_type")));
            RecordedEvents.conforming(invited);
            assertThat(invited.value()).contains(chinese).contains(french);
        }
    }

    @Test
    void onlyAParticipantAuthorityInvitesAndOnlyAnotherCountrysAuthority() {
        String french = Fixtures.registerAuthority("FR", "FRLEH");
        String otherFrench = Fixtures.registerAuthority("FR", "FRMRS");
        String german = Fixtures.registerAuthority("DE", "DEHAM");
        Product product = Fixtures.cataloguedProduct("watches");
        String caseId = Fixtures.flag(french, "FR", shipment("FRLEH", Fixtures.newContainerNumber(),
                List.of(goods("Watches", product.productId())))).getString("caseId");

        given().auth().oauth2(Tokens.brand(product.brandId())).contentType("application/json")
                .body(Map.of("authority", german)).post("/api/v1/cases/{id}/invitations", caseId).then()
                .statusCode(403);
        for (String stranger : List.of(Tokens.officer(german, "DE"), Tokens.brand("other-brand"), Tokens.admin())) {
            given().auth().oauth2(stranger).contentType("application/json").body(Map.of("authority", german))
                    .post("/api/v1/cases/{id}/invitations", caseId).then().statusCode(404);
        }
        given().auth().oauth2(Tokens.officer(french, "FR")).contentType("application/json")
                .body(Map.of("authority", otherFrench)).post("/api/v1/cases/{id}/invitations", caseId).then()
                .statusCode(400).body("errors[0].field", equalTo("authority"));
        given().auth().oauth2(Tokens.officer(french, "FR")).contentType("application/json")
                .body(Map.of("authority", "nobody-customs")).post("/api/v1/cases/{id}/invitations", caseId).then()
                .statusCode(400);
        given().auth().oauth2(Tokens.officer(german, "DE")).get("/api/v1/cases/{id}", caseId).then().statusCode(404);
    }
}
