package org.openipm.messaging.seizure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.Topics;
import org.openipm.events.seizures.SeizureReported;
import org.openipm.messaging.Fixtures;
import org.openipm.platform.security.Roles;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * A customs system posts seizures in bulk: per-record results, idempotency, and the accepted seizures matched and
 * counted by the time the answer comes.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SeizureIntakeTest {

    static Map<String, Object> seizure(String externalId, String code) {
        Map<String, Object> seizure = new HashMap<>();
        seizure.put("externalId", externalId);
        seizure.put("seizedOn", "2025-03-02");
        seizure.put("country", "FR");
        seizure.put("office", "FRLEH");
        seizure.put("transportMode", "POSTAL");
        seizure.put("goods", List.of(Map.of("codes", List.of(code), "description", "Wrist watches", "quantity", 3,
                "unit", "pieces")));
        seizure.put("estimatedValue", 450.0);
        seizure.put("currency", "EUR");
        seizure.put("consignor", Map.of("name", "Best Watches Ltd", "country", "CN", "url",
                "https://shop.example/best"));
        return seizure;
    }

    static JsonPath post(String token, List<Map<String, Object>> seizures) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("seizures", seizures))
                .post("/api/v1/seizures").then().statusCode(202).extract().jsonPath();
    }

    static String customsSystem(String authority) {
        return Tokens.withRole(Roles.CUSTOMS_SYSTEM, authority, "FR");
    }

    @Inject
    SeizureIntake intake;

    @Inject
    ObjectMapper json;

    @Test
    void theStoredReportIsTheSeizureMatchedByteForByte() throws Exception {
        // The stored report is written once, with the stamp put in place of a null, not by writing the stamped
        // seizure again: read back, it must be the very seizure that was matched.
        Map<String, Object> rich = seizure("ROUND-TRIP-1", "https://id.gs1.org/01/09520123456788/21/ÉTÉ%2F1");
        rich.put("goods", List.of(
                Map.of("codes", List.of("(01)09520123456788(21)A1", "0952012345678"), "description",
                        "Montres « Luxe » \u2013 lot 1\nsecond line", "quantity", 0.1, "unit", "kg"),
                Map.of("codes", List.of(), "description", "Boîtes", "quantity", 12, "unit", "pieces")));
        rich.put("estimatedValue", 1234.567);
        rich.put("openCase", true);
        Instant at = Instant.parse("2026-12-04T10:15:30.123456789Z");

        SeizureIntake.Taken taken = intake.read("fr-customs", json.valueToTree(rich), at);

        assertThat(taken.result().status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        byte[] stored = taken.written().getBytes(StandardCharsets.UTF_8);
        assertThat(json.readValue(stored, SeizureReported.class)).isEqualTo(taken.event());
        assertThat(stored).isEqualTo(json.writeValueAsBytes(taken.event()));
        assertThat(taken.event().reportedAt()).isEqualTo(Instant.parse("2026-12-04T10:15:30.123456Z"));
    }

    @Test
    void aThousandRecordsWithDuplicatesAndBadOnesAreTakenOneByOneAndOnlyNewOnesAreMatchedBeforeTheAnswer() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            if (i % 100 == 7) {
                Map<String, Object> bad = seizure("BAD-" + i, "(01)09520123456788");
                bad.put("currency", "EUX");
                batch.add(bad);
            } else if (i % 100 == 13) {
                batch.add(seizure("S-" + (i - 1), "(01)09520123456788"));
            } else if (i % 100 == 21) {
                Map<String, Object> wrongType = seizure("WT-" + i, "(01)09520123456788");
                wrongType.put("goods", "many");
                batch.add(wrongType);
            } else {
                batch.add(seizure("S-" + i, "(01)09520123456788"));
            }
        }

        String officer = Tokens.officer(authority, "FR");
        try (TopicReader matched = new TopicReader(Topics.SEIZURE_MATCHED)) {
            JsonPath first = post(customsSystem(authority), batch);
            assertThat(first.getInt("accepted")).isEqualTo(970);
            assertThat(first.getInt("duplicates")).isEqualTo(10);
            assertThat(first.getInt("rejected")).isEqualTo(20);
            assertThat(first.getList("results")).hasSize(1_000);
            assertThat(first.getString("results[7].status")).isEqualTo("REJECTED");
            assertThat(first.getInt("results[7].index")).isEqualTo(7);
            assertThat(first.getString("results[7].field")).isEqualTo("currency");
            assertThat(first.getString("results[13].status")).isEqualTo("DUPLICATE");
            assertThat(first.getString("results[21].status")).isEqualTo("REJECTED");
            assertThat(first.getString("results[21].field")).isEqualTo("goods");
            assertThat(first.getString("results[999].status")).isEqualTo("ACCEPTED");
            assertThat(seizuresCounted(officer)).as("counted when the answer comes, not later").isEqualTo(970);

            JsonPath again = post(customsSystem(authority), batch);
            assertThat(again.getInt("accepted")).isZero();
            assertThat(again.getInt("duplicates")).isEqualTo(980);
            assertThat(again.getInt("rejected")).isEqualTo(20);
            assertThat(seizuresCounted(officer)).isEqualTo(970);

            List<ConsumerRecord<String, String>> matches = matched.await(
                    r -> JsonPath.from(r.value()).getString("authority").equals(authority), 970,
                    Duration.ofSeconds(60));
            JsonPath one = matches.stream().map(r -> JsonPath.from(r.value()))
                    .filter(event -> event.getString("externalId").equals("S-999")).findFirst().orElseThrow();
            assertThat(one.getString("country")).isEqualTo("FR");
            assertThat(one.getString("transportMode")).isEqualTo("POSTAL");
            assertThat(matched.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> JsonPath.from(r.value()).getString("authority").equals(authority)))
                    .as("nothing more for the duplicates").hasSize(970);
        }
    }

    /** Seizures in the statistics of the officer's authority, 2025 (every seizure of these tests). */
    private static long seizuresCounted(String officer) {
        JsonPath statistics = given().auth().oauth2(officer)
                .get("/api/v1/statistics/seizures?groupBy=country&from=2025-01-01&to=2025-12-31").then()
                .statusCode(200).extract().jsonPath();
        return statistics.getList("groups.seizures").stream().mapToLong(n -> ((Number) n).longValue()).sum();
    }

    @Test
    void otherContentUnderAKnownIdIsAConflictUntilAmendedExplicitly() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        String token = customsSystem(authority);
        post(token, List.of(seizure("C-1", "(01)09520123456788")));
        Map<String, Object> changed = seizure("C-1", "(01)09520123456788");
        changed.put("estimatedValue", 900.0);

        assertThat(post(token, List.of(changed)).getString("results[0].status")).isEqualTo("CONFLICT");

        given().auth().oauth2(token).contentType("application/json").body(changed)
                .put("/api/v1/seizures/C-1").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"));
        assertThat(post(token, List.of(changed)).getString("results[0].status")).isEqualTo("DUPLICATE");
        given().auth().oauth2(token).contentType("application/json").body(changed)
                .put("/api/v1/seizures/C-1").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("DUPLICATE"));
        given().auth().oauth2(token).contentType("application/json").body(seizure("C-2", "x"))
                .put("/api/v1/seizures/C-2").then().statusCode(404);
        given().auth().oauth2(token).contentType("application/json").body(seizure("C-3", "x"))
                .put("/api/v1/seizures/C-1").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("externalId"));
    }

    @Test
    void theAuthorityIsTheTokensNeverTheRecords() {
        String mine = Fixtures.registerAuthority("FR", "FRLEH");
        String other = Fixtures.registerAuthority("FR", "FRLEH");
        Map<String, Object> posing = seizure("P-1", "(01)09520123456788");
        posing.put("authority", other);
        assertThat(post(customsSystem(mine), List.of(posing)).getString("results[0].status")).isEqualTo("ACCEPTED");
        assertThat(seizuresCounted(Tokens.officer(mine, "FR"))).isEqualTo(1);
        assertThat(seizuresCounted(Tokens.officer(other, "FR"))).as("nothing counted for the authority posed as")
                .isZero();
        // the same external id is another seizure for another authority
        assertThat(post(customsSystem(other), List.of(seizure("P-1", "(01)09520123456788")))
                .getString("results[0].status")).isEqualTo("ACCEPTED");
        assertThat(seizuresCounted(Tokens.officer(other, "FR"))).isEqualTo(1);
    }

    @Test
    void onlyRegisteredCustomsSystemsReport() {
        List<Map<String, Object>> one = List.of(seizure("X-1", "(01)09520123456788"));
        given().auth().oauth2(Tokens.officer("fr-douane", "FR")).contentType("application/json")
                .body(Map.of("seizures", one)).post("/api/v1/seizures").then().statusCode(403);
        given().auth().oauth2(Tokens.brand("acme")).contentType("application/json")
                .body(Map.of("seizures", one)).post("/api/v1/seizures").then().statusCode(403);
        given().auth().oauth2(customsSystem("nobody-registered")).contentType("application/json")
                .body(Map.of("seizures", one)).post("/api/v1/seizures").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("seizures", one)).post("/api/v1/seizures").then()
                .statusCode(401);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            tooMany.add(seizure("T-" + i, "x"));
        }
        String registered = Fixtures.registerAuthority("FR", "FRLEH");
        given().auth().oauth2(customsSystem(registered)).contentType("application/json")
                .body(Map.of("seizures", tooMany)).post("/api/v1/seizures").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("seizures"));
    }
}
