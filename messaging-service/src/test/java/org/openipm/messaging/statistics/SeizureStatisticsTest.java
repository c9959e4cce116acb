package org.openipm.messaging.statistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.seizure.intake.SeizureReportedHandler;
import org.openipm.testing.PostgresServer;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.seizure.SeizureRecords;
import org.openipm.platform.security.Roles;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Statistics per group for each role, exact under redelivery: the seizures lie in 2011, a year no other test uses,
 * so an administrator's totals are this test's alone.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SeizureStatisticsTest {

    @Inject
    MeterRegistry metrics;

    private static final String YEAR = "from=2011-01-01&to=2011-12-31";

    private static Map<String, Object> seizure(String id, String day, String country, String office, String mode,
            Double value, String currency, List<Map<String, Object>> goods) {
        Map<String, Object> seizure = new HashMap<>();
        seizure.put("externalId", id);
        seizure.put("seizedOn", day);
        seizure.put("country", country);
        seizure.put("office", office);
        seizure.put("transportMode", mode);
        seizure.put("goods", goods);
        seizure.put("estimatedValue", value);
        seizure.put("currency", currency);
        return seizure;
    }

    private static Map<String, Object> line(String code, double quantity, String unit) {
        return Map.of("codes", List.of(code), "description", "Goods", "quantity", quantity, "unit", unit);
    }

    private static JsonPath statistics(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/statistics/seizures?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    /** key -> "seizures|unit=quantity,...|currency=amount,..." for compact, exact comparisons. */
    private static Map<String, String> groups(JsonPath answer) {
        Map<String, String> groups = new java.util.TreeMap<>();
        List<Map<String, Object>> list = answer.getList("groups");
        for (Map<String, Object> group : list) {
            StringBuilder text = new StringBuilder().append(group.get("seizures")).append('|');
            for (Object q : (List<?>) group.get("quantities")) {
                Map<?, ?> quantity = (Map<?, ?>) q;
                text.append(quantity.get("unit")).append('=').append(((Number) quantity.get("quantity")).doubleValue())
                        .append(',');
            }
            text.append('|');
            for (Object v : (List<?>) group.get("values")) {
                Map<?, ?> amount = (Map<?, ?>) v;
                text.append(amount.get("currency")).append('=').append(((Number) amount.get("amount")).doubleValue())
                        .append(',');
            }
            groups.put((String) group.get("key"), text.toString());
        }
        return groups;
    }

    @Test
    void eachRoleSeesItsOwnSeizuresPerGroupAndCountsStayExactUnderRedelivery() {
        String french = Fixtures.registerAuthority("FR", "FRLEH");
        String german = Fixtures.registerAuthority("DE", "DEHAM");
        String brandA = Fixtures.newId("brand");
        String brandB = Fixtures.newId("brand");
        Fixtures.Product a = Fixtures.verifiedProduct(brandA);
        Fixtures.Product b = Fixtures.verifiedProduct(brandB);
        Fixtures.awaitCatalogue(a);
        Fixtures.awaitCatalogue(b);
        String frenchSystem = Tokens.withRole(Roles.CUSTOMS_SYSTEM, french, "FR");
        String germanSystem = Tokens.withRole(Roles.CUSTOMS_SYSTEM, german, "DE");
        List<Map<String, Object>> frenchSeizures = List.of(
                seizure("X1", "2011-01-10", "FR", "FRLEH", "POSTAL", 100.0, "EUR", List.of(line(a.gtin(), 10,
                        "pieces"))),
                seizure("X2", "2011-02-05", "FR", "FRLEH", "AIR", 60.0, "USD", List.of(line(a.gtin(), 4, "pieces"),
                        line("(01)" + b.gtin(), 2, "pairs"))),
                seizure("X3", "2011-03-01", "FR", "FRLEH", "POSTAL", null, null, List.of(line("not-a-code", 1,
                        "kg"))));
        List<Map<String, Object>> germanSeizures = List.of(seizure("Y1", "2011-02-20", "DE", "DEHAM", "SEA", 50.0,
                "EUR", List.of(line(b.gtin(), 5, "pairs"))));

        try (TopicReader matches = new TopicReader(Topics.SEIZURE_MATCHED)) {
            post(frenchSystem, frenchSeizures);
            post(germanSystem, germanSeizures);
            matches.await(r -> r.value().contains("\"authority\":\"" + french + "\"")
                    || r.value().contains("\"authority\":\"" + german + "\""), 4, Duration.ofSeconds(60));
        }
        Map<String, Map<String, String>> expected = Map.of(
                "admin country", Map.of(
                        "DE", "1|pairs=5.0,|EUR=50.0,",
                        "FR", "3|kg=1.0,pairs=2.0,pieces=14.0,|EUR=100.0,USD=60.0,"),
                "admin brand", Map.of(
                        brandA, "2|pieces=14.0,|EUR=100.0,USD=30.0,",
                        brandB, "2|pairs=7.0,|EUR=50.0,USD=30.0,"),
                "authority month", Map.of(
                        "2011-01", "1|pieces=10.0,|EUR=100.0,",
                        "2011-02", "1|pairs=2.0,pieces=4.0,|USD=60.0,",
                        "2011-03", "1|kg=1.0,|"),
                "brand transportMode", Map.of(
                        "AIR", "1|pieces=4.0,|USD=30.0,",
                        "POSTAL", "1|pieces=10.0,|EUR=100.0,"),
                "brand country", Map.of(
                        "DE", "1|pairs=5.0,|EUR=50.0,",
                        "FR", "1|pairs=2.0,|USD=30.0,"));
        assertStatistics(expected, french, brandA, brandB);

        // Everything again: re-posted (duplicates), and the same records written again onto the topic.
        post(frenchSystem, frenchSeizures);
        try (SeizureRecords.Writer writer = new SeizureRecords.Writer(KafkaBroker.bootstrapServers());
                TopicReader matches = new TopicReader(Topics.SEIZURE_MATCHED)) {
            writer.writeAll(french, frenchSeizures, frenchSystem);
            writer.writeAll(german, germanSeizures, germanSystem);
            assertThat(matches.drain(Duration.ofSeconds(4)).stream().filter(r -> r.value().contains(
                    "\"authority\":\"" + french + "\"") || r.value().contains("\"authority\":\"" + german + "\"")))
                    .as("each seizure matched once over the topic's whole history").hasSize(4);
        }
        assertStatistics(expected, french, brandA, brandB);

        assertThat(groups(statistics(Tokens.officer(german, "DE"), "groupBy=country&" + YEAR)))
                .containsOnlyKeys("DE");
        assertThat(groups(statistics(Tokens.admin(), "groupBy=country&from=2011-02-06&to=2011-02-28")))
                .containsExactlyEntriesOf(Map.of("DE", "1|pairs=5.0,|EUR=50.0,"));
        for (String bad : List.of("groupBy=weekday", "groupBy=", "groupBy=country&from=2011-13-01",
                "groupBy=country&from=2011-05-01&to=2011-04-01")) {
            given().auth().oauth2(Tokens.admin()).get("/api/v1/statistics/seizures?" + bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.withRole(Roles.SSP, "some-ssp", "FR")).get("/api/v1/statistics/seizures"
                + "?groupBy=country").then().statusCode(403);
    }

    @Test
    void theTopicConsumerWaitsOutADatabaseOutageLosesNothingCountsNothingTwiceAndStillSetsPoisonAside() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        String system = Tokens.withRole(Roles.CUSTOMS_SYSTEM, authority, "FR");
        Fixtures.Product product = Fixtures.verifiedProduct(Fixtures.newId("brand"));
        Fixtures.awaitCatalogue(product);
        List<Map<String, Object>> before = seizures("B", 5, product);
        List<Map<String, Object>> during = seizures("D", 5, product);
        List<Map<String, Object>> after = seizures("A", 5, product);
        String poisonKey = authority + "/poison";
        try (SeizureRecords.Writer writer = new SeizureRecords.Writer(KafkaBroker.bootstrapServers());
                TopicReader matches = new TopicReader(Topics.SEIZURE_MATCHED);
                TopicReader deadLetters = new TopicReader(Topics.deadLetterOf(Topics.SEIZURE_REPORTED,
                        "messaging-service"))) {
            writer.writeAll(authority, before, system);
            matches.await(r -> r.value().contains("\"authority\":\"" + authority + "\""), 5, Duration.ofSeconds(60));
            double retriesBefore = retries();
            try (PostgresServer.Outage outage = PostgresServer.outage()) {
                writer.writeAll(authority, during, system);
                writer.write(poisonKey, "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8), system);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
            }
            writer.writeAll(authority, after, system);
            writer.writeAll(authority, before, system); // delivered again after the outage

            matches.await(r -> r.value().contains("\"authority\":\"" + authority + "\""), 15, Duration.ofSeconds(90));
            assertThat(matches.drain(Duration.ofSeconds(3)).stream().filter(r -> r.value().contains(
                    "\"authority\":\"" + authority + "\""))).as("each seizure matched once").hasSize(15);
            deadLetters.awaitOne(r -> poisonKey.equals(r.key()));
            assertThat(deadLetters.drain(Duration.ofSeconds(1))).as("an outage is not poison")
                    .noneMatch(r -> r.key() != null && r.key().startsWith(authority + "/") && !poisonKey.equals(r.key()));
        }
        assertThat(groups(statistics(system, "groupBy=country"))).containsExactlyEntriesOf(
                Map.of("FR", "15|pieces=30.0,|EUR=150.0,"));
    }

    private static List<Map<String, Object>> seizures(String prefix, int count, Fixtures.Product product) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> (Map<String, Object>) new HashMap<>(
                SeizureRecords.seizure(prefix + i, product.gtin(), 2, "pieces", 10))).toList();
    }

    private double retries() {
        var counter = metrics.find("openipm.consumer.retries").tag("consumer", SeizureReportedHandler.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void post(String token, List<Map<String, Object>> seizures) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("seizures", seizures))
                .post("/api/v1/seizures").then().statusCode(202);
    }

    private static void assertStatistics(Map<String, Map<String, String>> expected, String french, String brandA,
            String brandB) {
        assertThat(groups(statistics(Tokens.admin(), "groupBy=country&" + YEAR)))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(expected.get("admin country")));
        assertThat(groups(statistics(Tokens.admin(), "groupBy=brand&" + YEAR)))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(expected.get("admin brand")));
        assertThat(groups(statistics(Tokens.withRole(Roles.CUSTOMS_SYSTEM, french, "FR"), "groupBy=month&" + YEAR)))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(expected.get("authority month")));
        assertThat(groups(statistics(Tokens.brand(brandA), "groupBy=transportMode&" + YEAR)))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(expected.get("brand transportMode")));
        assertThat(groups(statistics(Tokens.brand(brandB), "groupBy=country&" + YEAR)))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(expected.get("brand country")));
    }
}
