package org.openipm.messaging.operation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.messaging.seizure.SeizureRecords;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.TopicReader;
import org.openipm.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import java.time.Duration;
import java.util.TreeMap;
import org.openipm.testing.Tokens;

/** A joint operation: who may see it, how cases and seizures are tagged, and its results per group and role. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@SuppressWarnings("unchecked")
class JointOperationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void participantsSeeTheirOperationsResultsAndNobodyElseSeesTheOperation() {
        String lead = Fixtures.registerAuthority("FR", "FRCDG");
        String partner = Fixtures.registerAuthority("BE", "BEBRU");
        String outsider = Fixtures.registerAuthority("DE", "DEFRA");
        Product watches = Fixtures.verifiedProduct(Fixtures.newId("watches"));
        Product bags = Fixtures.verifiedProduct(Fixtures.newId("bags"));
        String strangerBrand = Fixtures.newId("stranger");
        Fixtures.awaitCatalogue(watches);
        Fixtures.awaitCatalogue(bags);

        Map<String, Object> body = new HashMap<>(Map.of("name", "Parcel Gate", "startsOn", TODAY.minusDays(5).toString(),
                "endsOn", TODAY.plusDays(5).toString(), "leadAuthority", lead, "authorities", List.of(partner),
                "brands", List.of(watches.brandId(), bags.brandId()), "targetGoods", List.of("Watches (HS 9102)"),
                "targetRoutes", List.of(Map.of("originCountry", "CN", "transportMode", "POSTAL"))));
        String id = given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .post("/api/v1/operations").then().statusCode(201).body("authorities", org.hamcrest.Matchers
                        .containsInAnyOrder(lead, partner)).extract().path("id");
        String path = "/api/v1/operations/" + id;

        // visibility
        given().auth().oauth2(officer(partner)).get(path).then().statusCode(200).body("name", equalTo("Parcel Gate"));
        given().auth().oauth2(Tokens.brand(watches.brandId())).get(path).then().statusCode(200)
                .body("brands", equalTo(List.of(watches.brandId())));
        given().auth().oauth2(officer(outsider)).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.brand(strangerBrand)).get(path + "/results?groupBy=country").then()
                .statusCode(404);
        given().auth().oauth2(officer(outsider)).get(path + "/results?groupBy=country").then().statusCode(404);
        assertThat(given().auth().oauth2(officer(outsider)).get("/api/v1/operations").then().statusCode(200)
                .extract().jsonPath().getList("id")).doesNotContain(id);
        given().auth().oauth2(officer(partner)).contentType("application/json").body(body).put(path).then()
                .statusCode(403);
        body.put("name", "Parcel Gate II");
        given().auth().oauth2(officer(lead)).contentType("application/json").body(body).put(path).then()
                .statusCode(200).body("name", equalTo("Parcel Gate II"));
        given().auth().oauth2(officer(lead)).get(path + "/results?groupBy=route").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));

        // cases: named explicitly by a participant, implicitly by a participant's flag, refused for an outsider
        Map<String, Object> named = Fixtures.shipment("FRCDG", Fixtures.newContainerNumber(),
                List.of(Fixtures.goods("Watches", watches.gtin())));
        named.put("operationId", id);
        Fixtures.flag(lead, "FR", named);
        Fixtures.flag(partner, "BE", Fixtures.shipment("BEBRU", Fixtures.newContainerNumber(),
                List.of(Fixtures.goods("Bags", bags.gtin()))));
        Map<String, Object> refused = Fixtures.shipment("DEFRA", Fixtures.newContainerNumber(),
                List.of(Fixtures.goods("Watches", watches.gtin())));
        refused.put("operationId", id);
        given().auth().oauth2(officer(outsider)).contentType("application/json").body(refused)
                .post("/api/v1/shipments").then().statusCode(400).body("errors[0].field", equalTo("operationId"));

        // seizures: explicit and implicit by participants count; one outside the period does not; naming an
        // operation the authority is not part of, or on a day outside its period, is refused at intake
        report(lead, "FR", seizure("S1", TODAY, "FR", "POSTAL", 100.0, "EUR", null, goods(watches, 10, "pieces")));
        report(lead, "FR", seizure("S2", TODAY.minusDays(1), "FR", "EXPRESS", 50.0, "EUR", null,
                goods(watches, 2, "pieces"), goods(bags, 3, "pairs")));
        report(partner, "BE", seizure("S3", TODAY, "BE", "POSTAL", 40.0, "USD", id, goods(bags, 4, "pairs")));
        report(lead, "FR", seizure("S5", TODAY.minusDays(30), "FR", "POSTAL", 999.0, "EUR", null,
                goods(watches, 100, "pieces")));
        given().auth().oauth2(Tokens.withRole("customs-system", outsider, "DE")).contentType("application/json")
                .body(Map.of("seizures", List.of(seizure("S4", TODAY, "DE", "POSTAL", 999.0, "EUR", id,
                        goods(watches, 100, "pieces"))))).post("/api/v1/seizures").then().statusCode(202)
                .body("accepted", equalTo(0)).body("results[0].status", equalTo("REJECTED"))
                .body("results[0].field", equalTo("operationId"));
        given().auth().oauth2(Tokens.withRole("customs-system", lead, "FR")).contentType("application/json")
                .body(Map.of("seizures", List.of(seizure("S6", TODAY, "FR", "POSTAL", 1.0, "EUR", null,
                        goods(bags, 1, "kg")), seizure("S7", TODAY.minusDays(30), "FR", "POSTAL", 999.0, "EUR", id,
                        goods(watches, 100, "pieces"))))).post("/api/v1/seizures").then().statusCode(202)
                .body("accepted", equalTo(1)).body("results[1].index", equalTo(1))
                .body("results[1].status", equalTo("REJECTED")).body("results[1].field", equalTo("operationId"))
                .body("results[1].reason", org.hamcrest.Matchers.containsString("outside the period"));
        String outsiderSystem = Tokens.withRole("customs-system", outsider, "DE");
        Map<String, Object> written = seizure("S8", TODAY, "DE", "POSTAL", 999.0, "EUR", id,
                goods(watches, 100, "pieces"));
        try (SeizureRecords.Writer writer = new SeizureRecords.Writer(KafkaBroker.bootstrapServers());
                TopicReader deadLetters = new TopicReader(Topics.deadLetterOf(Topics.SEIZURE_REPORTED,
                        "messaging-service"))) {
            writer.write(outsider, written, outsiderSystem);
            ConsumerRecord<String, String> parked = deadLetters.awaitOne(r -> (outsider + "/"
                    + written.get("externalId")).equals(r.key()));
            assertThat(TopicReader.header(parked, "dead-letter-reason")).contains("operationId")
                    .contains("takes part in");
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> results(officer(partner), path, "day").getLong("seizures") == 4);

        JsonPath byCountry = results(officer(partner), path, "country");
        assertThat(byCountry.getLong("seizures")).isEqualTo(4);
        assertThat(byCountry.getLong("cases")).isEqualTo(2);
        assertThat(byCountry.getList("groups.key")).containsExactly("BE", "FR");
        assertThat(byCountry.getMap("groups[1].quantities")).containsOnly(Map.entry("kg", 1.0f),
                Map.entry("pairs", 3.0f), Map.entry("pieces", 12.0f));
        assertThat(byCountry.getMap("groups[1].values")).containsOnly(Map.entry("EUR", 151.0f));
        assertThat(byCountry.getMap("groups[0].values")).containsOnly(Map.entry("USD", 40.0f));

        // a brand's value is its goods lines' share of each seizure's value, as in the seizure statistics
        JsonPath byBrand = results(officer(lead), path, "brand");
        assertThat(byBrand.getList("groups.key")).containsExactlyInAnyOrder(watches.brandId(), bags.brandId());
        Map<String, Object> ofWatches = byBrand.getMap("groups.find { it.key == '" + watches.brandId() + "' }");
        assertThat(ofWatches).containsEntry("seizures", 2);
        assertThat(ofWatches.get("quantities")).isEqualTo(Map.of("pieces", 12.0f));
        assertThat(ofWatches.get("values")).isEqualTo(Map.of("EUR", 125.0f));

        JsonPath byDay = results(Tokens.admin(), path, "day");
        assertThat(byDay.getList("groups.key")).containsExactly(TODAY.minusDays(1).toString(), TODAY.toString());
        assertThat(byDay.getList("groups.seizures")).containsExactly(1, 3);

        JsonPath watchesView = results(Tokens.brand(watches.brandId()), path, "transportMode");
        assertThat(watchesView.getLong("seizures")).isEqualTo(2);
        assertThat(watchesView.getLong("cases")).isEqualTo(1);
        assertThat(watchesView.getList("groups.key")).containsExactly("EXPRESS", "POSTAL");
        assertThat(watchesView.getMap("groups[0].quantities")).containsOnly(Map.entry("pieces", 2.0f));
        assertThat(watchesView.getMap("groups[0].values")).containsOnly(Map.entry("EUR", 25.0f));
        assertThat(watchesView.getMap("groups[1].values")).containsOnly(Map.entry("EUR", 100.0f));
        JsonPath bagsByBrand = results(Tokens.brand(bags.brandId()), path, "brand");
        assertThat(bagsByBrand.getList("groups.key")).containsExactly(bags.brandId());
        assertThat(bagsByBrand.getMap("groups[0].quantities")).containsOnly(Map.entry("kg", 1.0f),
                Map.entry("pairs", 7.0f));

        // the statistics per operation: the same seizures, the same sums as the results, for each role
        for (String token : List.of(Tokens.admin(), officer(partner), Tokens.brand(watches.brandId()),
                Tokens.brand(bags.brandId()))) {
            assertThat(operationStatistics(token, id)).as("statistics and results agree").isEqualTo(
                    summed(results(token, path, "country")));
        }
        assertThat(operationStatistics(officer(partner), id)).startsWith("4|");
        assertThat(operationStatistics(Tokens.brand(watches.brandId()), id)).isEqualTo("2|pieces=12.0|EUR=125.0");
        assertThat(operationStatistics(officer(outsider), id)).as("not a participant").isNull();
        assertThat(operationStatistics(Tokens.brand(strangerBrand), id)).isNull();
    }

    /** The operation's group of {@code GET /api/v1/statistics/seizures?groupBy=operation}, as "n|unit=q,..|cur=v,..". */
    private static String operationStatistics(String token, String operationId) {
        JsonPath statistics = given().auth().oauth2(token).get("/api/v1/statistics/seizures?groupBy=operation")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> group = statistics.getMap("groups.find { it.key == '" + operationId + "' }");
        if (group == null) {
            return null;
        }
        Map<String, Double> quantities = new TreeMap<>();
        ((List<Map<String, Object>>) group.get("quantities")).forEach(q -> quantities.put((String) q.get("unit"),
                ((Number) q.get("quantity")).doubleValue()));
        Map<String, Double> values = new TreeMap<>();
        ((List<Map<String, Object>>) group.get("values")).forEach(v -> values.put((String) v.get("currency"),
                ((Number) v.get("amount")).doubleValue()));
        return text(((Number) group.get("seizures")).longValue(), quantities, values);
    }

    /** The results' groups added up, in the same form. */
    private static String summed(JsonPath results) {
        Map<String, Double> quantities = new TreeMap<>();
        Map<String, Double> values = new TreeMap<>();
        for (Map<String, Object> group : results.<Map<String, Object>>getList("groups")) {
            ((Map<String, Number>) group.get("quantities")).forEach((unit, q) -> quantities.merge(unit,
                    q.doubleValue(), Double::sum));
            ((Map<String, Number>) group.get("values")).forEach((currency, v) -> values.merge(currency,
                    v.doubleValue(), Double::sum));
        }
        return text(results.getLong("seizures"), quantities, values);
    }

    private static String text(long seizures, Map<String, Double> quantities, Map<String, Double> values) {
        return seizures + "|" + String.join(",", quantities.entrySet().stream().map(e -> e.getKey() + "="
                + e.getValue()).toList()) + "|" + String.join(",", values.entrySet().stream().map(e -> e.getKey()
                + "=" + e.getValue()).toList());
    }

    private static String officer(String authority) {
        return Tokens.officer(authority, authority.substring(0, 2).toUpperCase());
    }

    private static JsonPath results(String token, String path, String groupBy) {
        return given().auth().oauth2(token).get(path + "/results?groupBy=" + groupBy).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> goods(Product product, int quantity, String unit) {
        return Map.of("codes", List.of(product.gtin()), "description", "Goods", "quantity", quantity, "unit", unit);
    }

    @SafeVarargs
    private static Map<String, Object> seizure(String externalId, LocalDate on, String country, String mode,
            double value, String currency, String operationId, Map<String, Object>... goods) {
        Map<String, Object> record = new HashMap<>(Map.of("externalId", externalId + "-" + Fixtures.newId("x"),
                "seizedOn", on.toString(), "country", country, "office", country + "OFF", "transportMode", mode,
                "goods", List.of(goods), "estimatedValue", value, "currency", currency));
        if (operationId != null) {
            record.put("operationId", operationId);
        }
        return record;
    }

    private static void report(String authority, String country, Map<String, Object> record) {
        given().auth().oauth2(Tokens.withRole("customs-system", authority, country)).contentType("application/json")
                .body(Map.of("seizures", List.of(record))).post("/api/v1/seizures").then().statusCode(202)
                .body("accepted", equalTo(1));
    }
}
