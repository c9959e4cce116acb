package org.openipm.messaging.cases.thread;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.messaging.Fixtures.goods;
import static org.openipm.messaging.Fixtures.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * A case's thread: typed messages between an officer and two brands whose goods share one container, each brand
 * reading only its own exchange; what each type must hold; read state; and 404 for everybody else.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseThreadTest {

    private String authority;
    private Product watches;
    private Product bags;
    private String caseId;

    @BeforeEach
    void aContainerHoldingTwoBrandsGoods() {
        Fixtures.TwoBrandCase shared = Fixtures.twoBrandCase();
        authority = shared.authority();
        watches = shared.watches();
        bags = shared.bags();
        caseId = shared.caseId();
    }

    @Test
    void theOfficerAsksABrandWhetherItsGoodsAreGenuineAndTheBrandAnswersCounterfeit() {
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            String request = post(officer(), message("ASSESSMENT_REQUEST", brand(watches), "text",
                    "Are these genuine? Dial misprinted.", "goodsLines", List.of(1))).statusCode(201)
                    .extract().path("id");

            JsonPath brandsThread = thread(Tokens.brand(watches.brandId()));
            assertThat(brandsThread.getList("items.type")).containsExactly("ASSESSMENT_REQUEST");
            assertThat(brandsThread.getLong("unread")).isEqualTo(1);
            assertThat(brandsThread.getString("items[0].text")).isEqualTo("Are these genuine? Dial misprinted.");

            String answer = post(Tokens.brand(watches.brandId()), message("ASSESSMENT", authority(), "verdict",
                    "COUNTERFEIT", "reasons", List.of("Wrong font on the dial", "No serial engraving"), "productIds",
                    List.of(watches.productId().toString()), "inReplyTo", request)).statusCode(201)
                    .extract().path("id");

            JsonPath officersThread = thread(officer());
            assertThat(officersThread.getList("items.id")).containsExactly(request, answer);
            assertThat(officersThread.getString("items[1].verdict")).isEqualTo("COUNTERFEIT");
            assertThat(officersThread.getList("items[1].reasons")).hasSize(2);
            assertThat(officersThread.getString("items[1].postedBy.id")).isEqualTo(watches.brandId());
            assertThat(officersThread.getLong("unread")).isEqualTo(1);

            ConsumerRecord<String, String> posted = caseEvents.awaitOne(r -> caseId.equals(r.key())
                    && EventTypes.CASE_MESSAGE_POSTED.equals(TopicReader.header(r, "ce_type"))
                    && r.value().contains(answer));
            RecordedEvents.conforming(posted);
            assertThat(posted.value()).contains("\"messageType\":\"ASSESSMENT\"").doesNotContain("Wrong font");
        }
        JsonPath officersCase = given().auth().oauth2(officer()).get("/api/v1/cases/{id}", caseId).then()
                .statusCode(200).extract().jsonPath();
        assertThat(officersCase.getList("timeline.kind")).containsExactly("OPENED", "MESSAGE_POSTED",
                "MESSAGE_POSTED");
        assertThat(officersCase.getString("timeline[2].summary")).contains("COUNTERFEIT");
    }

    @Test
    void eachTypeNamesTheFieldItLacks() {
        String watchesProduct = watches.productId().toString();
        assertInvalid(officer(), Map.of("addressedTo", List.of(brand(watches))), "type");
        assertInvalid(officer(), message("GOSSIP", brand(watches), "text", "hi"), "type");
        assertInvalid(officer(), Map.of("type", "INFORMATION", "text", "hi"), "addressedTo");
        assertInvalid(officer(), message("ASSESSMENT_REQUEST", brand(watches)), "goodsLines");
        assertInvalid(officer(), message("ASSESSMENT_REQUEST", brand(watches), "goodsLines", List.of(7)),
                "goodsLines[0]");
        // Line 2 holds only the other brand's handbags.
        assertInvalid(officer(), message("ASSESSMENT_REQUEST", brand(watches), "goodsLines", List.of(2)),
                "goodsLines[0]");
        assertInvalid(officer(), message("ASSESSMENT_REQUEST", brand(watches), "productIds",
                List.of(bags.productId().toString())), "productIds[0]");
        assertInvalid(officer(), message("ASSESSMENT_REQUEST", authority(), "goodsLines", List.of(1)),
                "addressedTo");
        assertInvalid(brandToken(), message("ASSESSMENT", authority(), "reasons", List.of("Wrong font"),
                "productIds", List.of(watchesProduct)), "verdict");
        assertInvalid(brandToken(), message("ASSESSMENT", authority(), "verdict", "MAYBE", "reasons",
                List.of("Wrong font"), "productIds", List.of(watchesProduct)), "verdict");
        assertInvalid(brandToken(), message("ASSESSMENT", authority(), "verdict", "GENUINE", "productIds",
                List.of(watchesProduct)), "reasons");
        assertInvalid(brandToken(), message("ASSESSMENT", authority(), "verdict", "GENUINE", "reasons",
                List.of("Ours")), "productIds");
        assertInvalid(brandToken(), message("ASSESSMENT", authority(), "verdict", "GENUINE", "reasons",
                List.of("Ours"), "productIds", List.of(bags.productId().toString())), "productIds[0]");
        assertInvalid(officer(), message("INSTRUCTION", brand(watches)), "action");
        assertInvalid(officer(), message("INSTRUCTION", brand(watches), "action", "BURN"), "action");
        assertInvalid(officer(), message("INSTRUCTION_REQUEST", brand(watches)), "text");
        assertInvalid(officer(), message("INFORMATION", brand(watches)), "text");
        assertInvalid(officer(), message("INFORMATION", brand(watches), "text", "hi", "verdict", "GENUINE"),
                "verdict");
        assertInvalid(officer(), message("INFORMATION", Map.of("kind", "AUTHORITY", "id", "nobody-customs"),
                "text", "hi"), "addressedTo[0]");
        assertInvalid(officer(), Map.of("type", "INFORMATION", "text", "to both", "addressedTo",
                List.of(brand(watches), brand(bags))), "addressedTo");
        // A brand writes to authorities only, whether or not the other brand takes part.
        assertInvalid(brandToken(), message("INFORMATION", brand(bags), "text", "hi"), "addressedTo[0]");

        post(brandToken(), message("INSTRUCTION", authority(), "action", "DESTROY")).statusCode(403);
        post(officer(), message("ASSESSMENT", brand(watches), "verdict", "GENUINE", "reasons", List.of("x"),
                "productIds", List.of(watchesProduct))).statusCode(403);
        assertThat(thread(officer()).getLong("total")).isZero();
    }

    @Test
    void twoBrandsSharingACaseNeverReadEachOthersExchange() {
        String toWatches = post(officer(), message("INSTRUCTION_REQUEST", brand(watches), "text",
                "Watches: what should we do?")).statusCode(201).extract().path("id");
        String toBags = post(officer(), message("INSTRUCTION_REQUEST", brand(bags), "text",
                "Bags: what should we do?")).statusCode(201).extract().path("id");
        String fromBags = post(Tokens.brand(bags.brandId()), message("INFORMATION", authority(), "text",
                "Our bags never ship from Shenzhen")).statusCode(201).extract().path("id");
        post(officer(), message("INSTRUCTION", authority(), "action", "TAKE_SAMPLES", "goodsLines", List.of(1, 2),
                "text", "Samples of both lines")).statusCode(201);

        assertThat(thread(officer()).getList("items.id")).hasSize(4).contains(toWatches, toBags, fromBags);
        JsonPath watchesThread = thread(brandToken());
        assertThat(watchesThread.getList("items.id")).containsExactly(toWatches);
        assertThat(watchesThread.prettify()).doesNotContain(bags.brandId()).doesNotContain("Shenzhen");
        JsonPath bagsThread = thread(Tokens.brand(bags.brandId()));
        assertThat(bagsThread.getList("items.id")).containsExactly(toBags, fromBags);

        for (String other : List.of(toBags, fromBags)) {
            given().auth().oauth2(brandToken()).get("/api/v1/cases/{id}/messages/{m}", caseId, other).then()
                    .statusCode(404);
            given().auth().oauth2(brandToken()).post("/api/v1/cases/{id}/messages/{m}/read", caseId, other).then()
                    .statusCode(404);
        }
        String watchesCase = given().auth().oauth2(brandToken()).get("/api/v1/cases/{id}", caseId).then()
                .statusCode(200).extract().asString();
        assertThat(watchesCase).contains(toWatches).doesNotContain(toBags).doesNotContain(fromBags)
                .doesNotContain(bags.brandId());
    }

    @Test
    void whoeverTakesNoPartGets404OnEveryThreadPath() {
        String id = post(officer(), message("INFORMATION", brand(watches), "text", "Photos follow")).statusCode(201)
                .extract().path("id");
        String stranger = Fixtures.registerAuthority("DE", "DEHAM");
        for (String token : List.of(Tokens.brand(Fixtures.newId("stranger")), Tokens.officer(stranger, "DE"),
                Tokens.admin())) {
            given().auth().oauth2(token).get("/api/v1/cases/{id}/messages", caseId).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/cases/{id}/messages/{m}", caseId, id).then().statusCode(404);
            given().auth().oauth2(token).post("/api/v1/cases/{id}/messages/{m}/read", caseId, id).then()
                    .statusCode(404);
            given().auth().oauth2(token).contentType("application/json")
                    .body(message("INFORMATION", authority(), "text", "hello")).post("/api/v1/cases/{id}/messages",
                            caseId).then().statusCode(404);
        }
        assertThat(thread(officer()).getLong("total")).isEqualTo(1);
    }

    @Test
    void readStateIsKeptPerParticipantAndMarkingTwiceChangesNothing() {
        String first = post(officer(), message("INFORMATION", brand(watches), "text", "Detained at FRLEH"))
                .statusCode(201).extract().path("id");
        post(officer(), message("INFORMATION", brand(watches), "text", "Samples taken")).statusCode(201);
        assertThat(thread(officer()).getLong("unread")).as("one's own messages are read").isZero();
        assertThat(thread(brandToken()).getLong("unread")).isEqualTo(2);

        for (int twice = 0; twice < 2; twice++) {
            given().auth().oauth2(brandToken()).post("/api/v1/cases/{id}/messages/{m}/read", caseId, first).then()
                    .statusCode(204);
        }

        // Another user of the same brand finds it read: read state belongs to the brand.
        JsonPath colleague = thread(Tokens.withRole("brand", watches.brandId(), "FR"));
        assertThat(colleague.getLong("unread")).isEqualTo(1);
        assertThat(colleague.getList("items.read")).containsExactly(true, false);
        JsonPath myCases = given().auth().oauth2(brandToken()).get("/api/v1/cases").then().statusCode(200).extract()
                .jsonPath();
        assertThat(myCases.getLong("items.find { it.id == '" + caseId + "' }.unread")).isEqualTo(1);
        assertThat(thread(Tokens.brand(bags.brandId())).getLong("unread")).isZero();
    }

    private ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/cases/{id}/messages", caseId).then();
    }

    private void assertInvalid(String token, Map<String, Object> body, String field) {
        post(token, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    private JsonPath thread(String token) {
        return given().auth().oauth2(token).get("/api/v1/cases/{id}/messages", caseId).then().statusCode(200)
                .extract().jsonPath();
    }

    private String officer() {
        return Tokens.officer(authority, "FR");
    }

    private String brandToken() {
        return Tokens.brand(watches.brandId());
    }

    private Map<String, Object> authority() {
        return Map.of("kind", "AUTHORITY", "id", authority);
    }

    private static Map<String, Object> brand(Product product) {
        return Map.of("kind", "BRAND", "id", product.brandId());
    }

    private static Map<String, Object> message(String type, Map<String, Object> to, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("addressedTo", List.of(to));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }
}
