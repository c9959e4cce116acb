package org.openipm.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openipm.events.Topics;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Seizures across services: a brand's product (a GTIN inside its granted company prefix) reaches messaging-service's
 * catalogue copy; a customs system posts 1,000 seizures of it; they are matched (seizure-matched) and counted in the
 * brand's statistics; the same batch posted again is all duplicates and changes nothing.
 */
@ExtendWith(PlatformExtension.class)
class CustomsSystemReportsSeizuresIT {

    private static final int SEIZURES = 1_000;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform(RunningPlatform running) {
        platform = running;
    }

    @Test
    void aThousandSeizuresOfABrandsProductReachItsStatisticsOnce() {
        String brand = "seiz-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = "97" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        String gtin13 = withCheckDigit(prefix + "00042");
        String catalogue = platform.url("product-service");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", brand, "name", "Maison " + brand, "companyPrefixes", List.of(prefix)))
                .post(catalogue + "/api/v1/brands").then().statusCode(201);
        var created = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("sku", "WATCH-1", "name", "Diver watch", "category", "WATCHES", "gtins", List.of(gtin13)))
                .post(catalogue + "/api/v1/products").then().statusCode(201).extract();
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", created.header("ETag"))
                .post(catalogue + "/api/v1/products/" + created.path("id") + "/publish").then().statusCode(200);

        String messaging = platform.url("messaging-service");
        String authority = "fr-seiz-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", authority, "name", "Douane " + authority, "country", "FR", "type", "CUSTOMS",
                        "offices", List.of(Map.of("code", "FRLEH", "name", "Le Havre", "kind", "PORT", "timeZone",
                                "Europe/Paris")),
                        "languages", List.of("fr"), "contacts", List.of(Map.of("name", "Desk"))))
                .post(messaging + "/api/v1/authorities").then().statusCode(201);
        String system = Tokens.withRole("customs-system", authority, "FR");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < SEIZURES; i++) {
            batch.add(Map.of("externalId", "FR-SYS-" + i, "seizedOn", "2025-03-02", "country", "FR", "office", "FRLEH",
                    "transportMode", i % 2 == 0 ? "POSTAL" : "EXPRESS",
                    "goods", List.of(Map.of("codes", List.of("(01)0" + gtin13), "description", "Diver watches",
                            "quantity", 2, "unit", "pieces")),
                    "estimatedValue", 20.0, "currency", "EUR"));
        }
        String brandToken = Tokens.brand(brand);
        try (TopicReader matched = new TopicReader(Topics.SEIZURE_MATCHED)) {
            // A seizure is matched against the catalogue copy of the moment it arrives: probe (a day before the
            // batch, outside the statistics asked below) until messaging-service's copy holds the product.
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                String probe = "PROBE-" + UUID.randomUUID();
                post(messaging, system, List.of(Map.of("externalId", probe, "seizedOn", "2025-03-01", "country", "FR",
                        "office", "FRLEH", "transportMode", "POSTAL", "goods", List.of(Map.of("codes",
                                List.of("(01)0" + gtin13), "description", "Probe", "quantity", 1, "unit", "pieces")))));
                return JsonPath.from(matched.await(r -> r.value().contains("\"externalId\":\"" + probe + "\""), 1,
                        Duration.ofSeconds(60)).get(0).value()).getList("brands.brandId").contains(brand);
            });
            JsonPath first = post(messaging, system, batch);
            assertThat(first.getInt("accepted")).isEqualTo(SEIZURES);

            Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> brandStatistics(messaging, brandToken).getLong("groups[0].seizures") == SEIZURES);
            JsonPath counted = brandStatistics(messaging, brandToken);
            assertThat(counted.getList("groups.key")).containsExactly("FR");
            assertThat(counted.getDouble("groups[0].quantities.find { it.unit == 'pieces' }.quantity"))
                    .isEqualTo(2.0 * SEIZURES);
            assertThat(counted.getDouble("groups[0].values.find { it.currency == 'EUR' }.amount"))
                    .isEqualTo(20.0 * SEIZURES);
            RecordedEvents.conforming(matched.awaitOne(r -> r.value().contains("\"authority\":\"" + authority + "\"")));

            JsonPath again = post(messaging, system, batch);
            assertThat(again.getInt("accepted")).isZero();
            assertThat(again.getInt("duplicates")).isEqualTo(SEIZURES);
            assertThat(matched.drain(Duration.ofSeconds(5)).stream()
                    .filter(r -> r.value().contains("\"authority\":\"" + authority + "\""))
                    .filter(r -> r.value().contains("\"externalId\":\"FR-SYS-"))).hasSize(SEIZURES);
            assertThat(brandStatistics(messaging, brandToken).getMap("groups[0]"))
                    .isEqualTo(counted.getMap("groups[0]"));
        }
    }

    private static JsonPath post(String messaging, String token, List<Map<String, Object>> batch) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("seizures", batch))
                .post(messaging + "/api/v1/seizures").then().statusCode(202).extract().jsonPath();
    }

    private static JsonPath brandStatistics(String messaging, String brandToken) {
        return given().auth().oauth2(brandToken).get(messaging + "/api/v1/statistics/seizures?groupBy=country"
                + "&from=2025-03-02&to=2025-03-02")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String withCheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < twelveDigits.length(); i++) {
            int digit = twelveDigits.charAt(twelveDigits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }
}
