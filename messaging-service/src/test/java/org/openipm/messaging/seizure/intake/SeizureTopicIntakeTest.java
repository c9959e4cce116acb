package org.openipm.messaging.seizure.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.messaging.seizure.SeizureRecords.seizure;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.seizure.SeizureRecords;
import org.openipm.platform.security.Roles;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Seizures are matched when the API takes them and when customs systems write them straight onto seizure-reported:
 * each version is matched once to the brands whose verified GTINs it holds, whatever the deliveries; a record whose
 * producer cannot be proven, or that is malformed, is set aside with the reason and the others go on.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SeizureTopicIntakeTest {

    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.SEIZURE_REPORTED, "messaging-service");

    static Predicate<ConsumerRecord<String, String>> of(String authority) {
        return r -> JsonPath.from(r.value()).getString("authority").equals(authority);
    }

    static JsonPath matched(List<ConsumerRecord<String, String>> records, String externalId) {
        return records.stream().map(r -> JsonPath.from(r.value()))
                .filter(j -> j.getString("externalId").equals(externalId)).findFirst().orElseThrow();
    }

    @Test
    void postedAndWrittenSeizuresAreMatchedOnceAndUnprovenOrMalformedRecordsAreSetAside() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        String brand = Fixtures.newId("brand");
        Fixtures.Product product = Fixtures.verifiedProduct(brand);
        Fixtures.Product claim = Fixtures.claimedProduct(Fixtures.newId("claimer"), Fixtures.newGtin14());
        Fixtures.awaitCatalogue(product);
        Fixtures.awaitCatalogue(claim);
        String token = Tokens.withRole(Roles.CUSTOMS_SYSTEM, authority, "FR");

        Map<String, Object> twoLines = seizure("API-2", "(01)" + product.gtin(), 5, "pairs", 100);
        twoLines.put("goods", List.of(Map.of("codes", List.of(product.gtin()), "description", "Sneakers",
                "quantity", 5, "unit", "pairs"), Map.of("codes", List.of("(01)" + claim.gtin()), "description",
                "Caps", "quantity", 7, "unit", "pieces")));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("seizures", List.of(seizure("API-1", "(01)" + product.gtin(), 12, "pieces", 1800),
                        twoLines)))
                .post("/api/v1/seizures").then().statusCode(202);

        Map<String, Object> direct = seizure("TOPIC-1", "https://id.gs1.org/01/" + product.gtin(), 4, "kg", 40);
        Map<String, Object> ruleBroken = seizure("BAD-RULE", product.gtin(), 1, "pieces", 1);
        ruleBroken.put("currency", "EUX");
        Map<String, Object> posing = seizure("BAD-POSING", product.gtin(), 1, "pieces", 1);
        posing.put("authority", Fixtures.registerAuthority("FR", "FRLEH"));
        try (TopicReader matches = new TopicReader(Topics.SEIZURE_MATCHED);
                TopicReader deadLetters = new TopicReader(DEAD_LETTERS);
                SeizureRecords.Writer writer = new SeizureRecords.Writer(KafkaBroker.bootstrapServers())) {
            writer.write(authority, direct, token);
            writer.write(authority + "/BAD-JSON", "{not json".getBytes(StandardCharsets.UTF_8), token);
            Map<String, Object> unproven = seizure("BAD-NO-TOKEN", product.gtin(), 1, "pieces", 1);
            unproven.put("authority", authority);
            writer.write(authority, unproven, null);
            writer.write(authority, seizure("BAD-EXPIRED", product.gtin(), 1, "pieces", 1),
                    Tokens.expired(Roles.CUSTOMS_SYSTEM));
            writer.write(authority, seizure("BAD-ROLE", product.gtin(), 1, "pieces", 1),
                    Tokens.officer(authority, "FR"));
            writer.write(authority, seizure("BAD-STRANGER", product.gtin(), 1, "pieces", 1),
                    Tokens.signedByStranger(Roles.CUSTOMS_SYSTEM));
            writer.write(authority, posing, token);
            writer.write(authority, ruleBroken, token);
            // the same record again (a producer's retry, a redelivery): nothing more
            writer.write(authority, direct, token);

            List<ConsumerRecord<String, String>> seen = matches.await(of(authority), 3, Duration.ofSeconds(60));
            JsonPath first = matched(seen, "API-1");
            assertThat(first.getList("brands.brandId")).containsExactly(brand);
            assertThat(first.getString("brands[0].productIds[0]")).isEqualTo(product.productId().toString());
            assertThat(first.getDouble("brands[0].quantities.find { it.unit == 'pieces' }.quantity")).isEqualTo(12.0);
            assertThat(first.getDouble("brands[0].values.find { it.currency == 'EUR' }.amount")).isEqualTo(1800.0);
            JsonPath second = matched(seen, "API-2");
            assertThat(second.getList("brands.brandId")).as("a claimed GTIN draws no brand").containsExactly(brand);
            assertThat(second.getList("brands[0].quantities.unit")).containsExactly("pairs");
            assertThat(second.getDouble("brands[0].values[0].amount")).as("half the value: one of two lines")
                    .isEqualTo(50.0);
            assertThat(second.getList("quantities.unit")).containsExactlyInAnyOrder("pairs", "pieces");
            assertThat(matched(seen, "TOPIC-1").getString("country")).isEqualTo("FR");
            assertThat(matched(seen, "TOPIC-1").getDouble("brands[0].quantities[0].quantity")).isEqualTo(4.0);

            List<ConsumerRecord<String, String>> setAside = deadLetters.await(
                    r -> r.key() != null && r.key().startsWith(authority + "/BAD-"), 7, Duration.ofSeconds(30));
            Map<String, String> reasons = new java.util.HashMap<>();
            setAside.forEach(r -> reasons.put(r.key().substring(authority.length() + 1),
                    TopicReader.header(r, "dead-letter-reason")));
            assertThat(reasons.get("BAD-JSON")).contains("not JSON");
            assertThat(reasons.get("BAD-NO-TOKEN")).contains("no producer token");
            assertThat(reasons.get("BAD-EXPIRED")).contains("expired");
            assertThat(reasons.get("BAD-ROLE")).contains("role");
            assertThat(reasons.get("BAD-STRANGER")).contains("not valid");
            assertThat(reasons.get("BAD-POSING")).contains("speaks for " + authority);
            assertThat(reasons.get("BAD-RULE")).contains("currency");

            // A record without a token is trusted only as a copy of a stored report (one the API wrote onto the
            // topic before it matched its seizures itself, or a dead letter copied back): repeated as it is, it
            // changes nothing (counted below); altered, it is set aside, and as it follows the copy under the same
            // key, the copy has been consumed by then.
            Map<String, Object> copy = seizure("API-1", "(01)" + product.gtin(), 12, "pieces", 1800);
            copy.put("authority", authority);
            Map<String, Object> altered = seizure("API-1", "(01)" + product.gtin(), 1200, "pieces", 1800);
            altered.put("authority", authority);
            writer.write(authority, copy, null);
            writer.write(authority, altered, null);
            assertThat(TopicReader.header(deadLetters.awaitOne(r -> (authority + "/API-1").equals(r.key())),
                    "dead-letter-reason")).contains("no producer token")
                    .contains("no report of API-1 with this content");

            // posting the API's records again changes nothing either
            given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("seizures", List.of(seizure("API-1", "(01)" + product.gtin(), 12, "pieces",
                            1800))))
                    .post("/api/v1/seizures").then().statusCode(202)
                    .body("duplicates", org.hamcrest.Matchers.equalTo(1));
            writer.write(authority, direct, token);
            // Then each of the two is amended. TOPIC-1's new version travels behind its repeat under the same key
            // (same seizure-reported partition); API-1's is matched by the PUT, after the copy above was consumed.
            // Each is matched under the same seizure id (same seizure-matched partition), so once both new versions
            // are matched, a match of a repeat would have been seen.
            amend(token, seizure("API-1", "(01)" + product.gtin(), 13, "pieces", 1800));
            amend(token, seizure("TOPIC-1", "https://id.gs1.org/01/" + product.gtin(), 6, "kg", 40));
            matches.await(of(authority).and(r -> amended(r, "API-1", 13) || amended(r, "TOPIC-1", 6)), 2,
                    Duration.ofSeconds(60));
            // Already there: the limit only bounds one poll of the reader, which a loaded machine can make slow.
            assertThat(matches.await(of(authority), 5, Duration.ofSeconds(20)))
                    .as("three seizures and two amendments: nothing for the repeats nor the altered record")
                    .hasSize(5);
        }
    }

    private static boolean amended(ConsumerRecord<String, String> match, String externalId, double quantity) {
        JsonPath json = JsonPath.from(match.value());
        return json.getString("externalId").equals(externalId)
                && json.getDouble("brands[0].quantities[0].quantity") == quantity;
    }

    private static void amend(String token, Map<String, Object> seizure) {
        given().auth().oauth2(token).contentType("application/json").body(seizure)
                .put("/api/v1/seizures/" + seizure.get("externalId")).then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"));
    }

    @Test
    void aSeizureJoinsItsCaseOnlyWhenItsAuthorityTakesPartAndOpensOneWhenAsked() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        String stranger = Fixtures.registerAuthority("FR", "FRLEH");
        String brand = Fixtures.newId("brand");
        Fixtures.Product product = Fixtures.verifiedProduct(brand);
        Fixtures.awaitCatalogue(product);
        String caseId = Fixtures.flag(authority, "FR", Fixtures.shipment("FRLEH", Fixtures.newContainerNumber(),
                List.of(Fixtures.goods("Watches", product.gtin())))).getString("caseId");

        Map<String, Object> attached = seizure("CASE-1", product.gtin(), 3, "pieces", 30);
        attached.put("caseId", caseId);
        Map<String, Object> opening = seizure("CASE-2", product.gtin(), 6, "pieces", 60);
        opening.put("openCase", true);
        Map<String, Object> intruding = seizure("CASE-3", product.gtin(), 1, "pieces", 10);
        intruding.put("caseId", caseId);
        try (TopicReader matches = new TopicReader(Topics.SEIZURE_MATCHED)) {
            given().auth().oauth2(Tokens.withRole(Roles.CUSTOMS_SYSTEM, authority, "FR"))
                    .contentType("application/json").body(Map.of("seizures", List.of(attached, opening)))
                    .post("/api/v1/seizures").then().statusCode(202);
            given().auth().oauth2(Tokens.withRole(Roles.CUSTOMS_SYSTEM, stranger, "FR"))
                    .contentType("application/json").body(Map.of("seizures", List.of(intruding)))
                    .post("/api/v1/seizures").then().statusCode(202);

            List<ConsumerRecord<String, String>> seen = matches.await(of(authority).or(of(stranger)), 3,
                    Duration.ofSeconds(60));
            assertThat(matched(seen, "CASE-1").getString("caseId")).isEqualTo(caseId);
            assertThat(matched(seen, "CASE-1").getBoolean("caseOpened")).isFalse();
            assertThat(matched(seen, "CASE-3").getString("caseId")).as("not a participant").isNull();
            JsonPath opened = matched(seen, "CASE-2");
            assertThat(opened.getBoolean("caseOpened")).isTrue();
            String openedCase = opened.getString("caseId");
            given().auth().oauth2(Tokens.officer(authority, "FR")).get("/api/v1/cases/" + openedCase).then()
                    .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("FLAGGED"));
            given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/cases/" + openedCase).then().statusCode(200);
            given().auth().oauth2(Tokens.officer(stranger, "FR")).get("/api/v1/cases/" + openedCase).then()
                    .statusCode(404);
        }
    }
}
