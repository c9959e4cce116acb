package org.openipm.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openipm.events.Topics;
import org.openipm.launcher.ServiceDefinition;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** A brand's product crosses services: catalogue -> outbox -> product-events -> lookup read model -> officer. */
@ExtendWith(PlatformExtension.class)
class CatalogueReachesLookupIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform(RunningPlatform running) {
        platform = running;
    }

    @Test
    void everyServiceIsReadyAndGuardsItsApi() {
        for (String service : ServiceDefinition.ALL.stream().map(ServiceDefinition::name).toList()) {
            given().get(platform.url(service) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(platform.url(service) + "/api/v1/me").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void publishedProductCanBeLookedUpByAnOfficer() {
        String product = platform.url("product-service");
        String brand = "sys-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", brand, "name", "Maison " + brand, "companyPrefixes", List.of("952012")))
                .post(product + "/api/v1/brands").then().statusCode(201);
        var created = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("sku", "BAG-1", "name", "Leather bag", "category", "BAGS_AND_ACCESSORIES",
                        "gtins", List.of("09520123456788")))
                .post(product + "/api/v1/products").then().statusCode(201).extract();
        String productId = created.path("id");
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", created.header("ETag"))
                .post(product + "/api/v1/products/" + productId + "/publish").then().statusCode(200);

        try (TopicReader topic = new TopicReader(Topics.PRODUCT_EVENTS)) {
            RecordedEvents.conforming(
                    topic.awaitOne(r -> productId.equals(r.key()) && r.value().contains("\"PUBLISHED\"")));
        }
        String officer = Tokens.officer("fr-customs", "FR");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(officer)
                        .queryParam("code", "https://id.gs1.org/01/09520123456788/21/ABC123")
                        .get(platform.url("lookup-service") + "/api/v1/lookup")
                        .then().statusCode(200).body(containsString(productId)));
    }
}
