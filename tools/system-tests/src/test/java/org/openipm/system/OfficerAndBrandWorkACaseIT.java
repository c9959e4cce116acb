package org.openipm.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.Tokens;

/**
 * Flow 4 across the packaged services: a brand's published product (its GTIN verified through the company prefix
 * an administrator granted) reaches messaging-service's copy of the catalogue; an officer flags a container with a
 * GS1 Digital Link scan of it, the brand sees the case, answers the officer's assessment request with COUNTERFEIT,
 * and the case goes DETAINED -> RIGHT_HOLDER_CONFIRMED -> DESTROYED under the EU clocks, each step on the timeline
 * in order. One scenario: the platform is shared by every system test.
 */
@ExtendWith(PlatformExtension.class)
class OfficerAndBrandWorkACaseIT {

    /** A company prefix and GTIN no other system test uses, so the GTIN is this brand's alone. */
    private static final String PREFIX = "5012345";
    private static final String GTIN = "05012345123455";
    private static final String OFFICE = "FRLEH";

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform(RunningPlatform running) {
        platform = running;
    }

    @Test
    void brandAndOfficerTakeAFlaggedShipmentToDestruction() {
        String brand = "case-" + UUID.randomUUID().toString().substring(0, 8);
        String productId = publishedProduct(brand);
        String authority = registeredAuthority();
        String officer = Tokens.officer(authority, "FR");
        String brandToken = Tokens.brand(brand);
        awaitMessagingCatalogue(productId);

        JsonPath flagged = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(shipment("https://id.gs1.org/01/" + GTIN + "/21/FAKE-0042?17=291231"))
                .post(messaging() + "/api/v1/shipments").then().statusCode(201).extract().jsonPath();
        String caseId = flagged.getString("caseId");
        assertThat(flagged.getString("status")).isEqualTo("FLAGGED");
        assertThat(flagged.getList("brands.brandId")).containsExactly(brand);
        assertThat(flagged.getList("brands[0].productIds")).containsExactly(productId);
        assertThat(flagged.getList("unverified")).isEmpty();
        assertThat(flagged.getList("unmatched")).isEmpty();

        // The brand finds the case in its list and reads its part of it: its product, no personal data.
        JsonPath list = given().auth().oauth2(brandToken).get(messaging() + "/api/v1/cases")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.id")).containsExactly(caseId);
        assertThat(list.getList("items[0].brandIds")).containsExactly(brand);
        JsonPath seen = view(brandToken, caseId);
        assertThat(seen.getString("status")).isEqualTo("FLAGGED");
        assertThat(seen.getList("goods[0].products.productId")).containsExactly(productId);
        assertThat(seen.getMap("")).doesNotContainKeys("trader", "consignee", "consignor", "identifiers", "notes");

        String request = post(officer, caseId, Map.of("type", "ASSESSMENT_REQUEST",
                "addressedTo", List.of(Map.of("kind", "BRAND", "id", brand)),
                "text", "Are these genuine? The dial print is blurred.", "goodsLines", List.of(1)));
        String assessment = post(brandToken, caseId, Map.of("type", "ASSESSMENT",
                "addressedTo", List.of(Map.of("kind", "AUTHORITY", "id", authority)), "inReplyTo", request,
                "verdict", "COUNTERFEIT", "reasons", List.of("We never made this serial", "Wrong dial print"),
                "productIds", List.of(productId)));
        JsonPath thread = given().auth().oauth2(officer).get(messaging() + "/api/v1/cases/" + caseId + "/messages")
                .then().statusCode(200).extract().jsonPath();
        assertThat(thread.getList("items.id")).containsExactly(request, assessment);
        assertThat(thread.getString("items[1].verdict")).isEqualTo("COUNTERFEIT");

        move(officer, caseId, "DETAINED", "Brand assessed the goods as counterfeit");
        JsonPath detained = view(brandToken, caseId);
        assertThat(detained.getList("deadlines.kind", String.class)).contains("RIGHT_HOLDER_CONFIRMATION");
        move(brandToken, caseId, "RIGHT_HOLDER_CONFIRMED", "We confirm and agree to destruction");
        move(officer, caseId, "DESTROYED", "Destroyed under customs control");

        JsonPath end = view(brandToken, caseId);
        assertThat(end.getString("status")).isEqualTo("DESTROYED");
        List<Map<String, Object>> timeline = end.getList("timeline");
        // Every step in the order it happened; the clocks the detention started come right after it.
        assertThat(timeline).extracting(e -> e.get("kind"), OfficerAndBrandWorkACaseIT::what).containsExactly(
                tuple("OPENED", "FLAGGED"),
                tuple("MESSAGE_POSTED", "ASSESSMENT_REQUEST"),
                tuple("MESSAGE_POSTED", "ASSESSMENT"),
                tuple("STATUS_CHANGED", "DETAINED"),
                tuple("DEADLINE_STARTED", "RIGHT_HOLDER_CONFIRMATION"),
                tuple("DEADLINE_STARTED", "DECLARANT_OBJECTION"),
                tuple("DEADLINE_STARTED", "PROCEEDINGS_INITIATION"),
                tuple("STATUS_CHANGED", "RIGHT_HOLDER_CONFIRMED"),
                tuple("DEADLINE_ENDED", "RIGHT_HOLDER_CONFIRMATION"),
                tuple("STATUS_CHANGED", "DESTROYED"),
                tuple("DEADLINE_ENDED", "DECLARANT_OBJECTION"),
                tuple("DEADLINE_ENDED", "PROCEEDINGS_INITIATION"));
        assertThat(((Map<?, ?>) timeline.get(2).get("details")).get("verdict")).isEqualTo("COUNTERFEIT");
        assertThat(timeline.get(7)).containsEntry("actorKind", "BRAND").containsEntry("actorId", brand);
        assertThat(timeline.subList(8, 12)).extracting(e -> (Object) ((Map<?, ?>) e.get("details")).get("state"))
                .containsExactly("MET", null, "MET", "CANCELLED");
        // The confirmation met the right holder's period; destruction met the declarant's and ended the rest.
        assertThat(end.getList("deadlines", Map.class)).extracting(d -> d.get("kind"), d -> d.get("state"))
                .containsExactlyInAnyOrder(tuple("RIGHT_HOLDER_CONFIRMATION", "MET"),
                        tuple("DECLARANT_OBJECTION", "MET"), tuple("PROCEEDINGS_INITIATION", "CANCELLED"));
    }

    /** The step an entry records: the status reached, the message type, or the deadline's kind. */
    private static Object what(Map<String, Object> entry) {
        Map<?, ?> details = (Map<?, ?>) entry.get("details");
        return switch ((String) entry.get("kind")) {
            case "OPENED" -> details.get("status");
            case "STATUS_CHANGED" -> details.get("to");
            case "MESSAGE_POSTED" -> details.get("messageType");
            default -> details.get("kind");
        };
    }

    private static String messaging() {
        return platform.url("messaging-service");
    }

    private static String publishedProduct(String brand) {
        String catalogue = platform.url("product-service");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", brand, "name", "Maison " + brand, "companyPrefixes", List.of(PREFIX)))
                .post(catalogue + "/api/v1/brands").then().statusCode(201);
        var created = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("sku", "WATCH-7", "name", "Chronograph", "category", "WATCHES", "gtins", List.of(GTIN)))
                .post(catalogue + "/api/v1/products").then().statusCode(201)
                .body("verifiedGtins", equalTo(List.of(GTIN))).extract();
        String productId = created.path("id");
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", created.header("ETag"))
                .post(catalogue + "/api/v1/products/" + productId + "/publish").then().statusCode(200);
        return productId;
    }

    private static String registeredAuthority() {
        String id = "fr-douane-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Douane " + id, "country", "FR", "type", "CUSTOMS",
                        "offices", List.of(Map.of("code", OFFICE, "name", "Le Havre port", "kind", "PORT",
                                "timeZone", "Europe/Paris")),
                        "languages", List.of("fr", "en"), "contacts", List.of(Map.of("name", "Duty desk"))))
                .post(messaging() + "/api/v1/authorities").then().statusCode(201);
        return id;
    }

    /**
     * messaging-service matches scans against its own copy of the catalogue, filled from product-events; no API
     * shows that copy, so the test reads it where the service keeps it.
     */
    private static void awaitMessagingCatalogue(String productId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> verifiedInMessagingCatalogue(productId));
    }

    private static boolean verifiedInMessagingCatalogue(String productId) throws SQLException {
        try (var connection = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD);
                var query = connection.prepareStatement("select 1 from messaging.catalogue_gtin"
                        + " where product_id = ? and gtin = ? and verified")) {
            query.setObject(1, UUID.fromString(productId));
            query.setString(2, GTIN);
            return query.executeQuery().next();
        } catch (SQLException schemaNotYetThere) {
            return false;
        }
    }

    private static Map<String, Object> shipment(String scannedCode) {
        return Map.of("transportMode", "SEA",
                "identifiers", List.of(Map.of("kind", "CONTAINER", "value", "CSQU3054383")),
                "originCountry", "CN", "destinationCountry", "FR", "office", OFFICE,
                "goods", List.of(Map.of("description", "Chronograph wrist watches", "quantity", 300, "unit", "pieces",
                        "hsCode", "910211", "suspectedProducts", List.of(Map.of("code", scannedCode)))),
                "trader", Map.of("name", "Jean Trader", "address", "1 quai du Port, Le Havre", "country", "FR"),
                "notes", "Risk profile hit; seals intact");
    }

    private static JsonPath view(String token, String caseId) {
        return given().auth().oauth2(token)
                .get(messaging() + "/api/v1/cases/" + caseId).then().statusCode(200).extract().jsonPath();
    }

    private static String post(String token, String caseId, Map<String, Object> message) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(message)
                .post(messaging() + "/api/v1/cases/" + caseId + "/messages").then().statusCode(201)
                .extract().path("id");
    }

    private static void move(String token, String caseId, String to, String reason) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("to", to, "reason", reason))
                .post(messaging() + "/api/v1/cases/" + caseId + "/transitions").then().statusCode(200)
                .body("status", equalTo(to));
    }
}
