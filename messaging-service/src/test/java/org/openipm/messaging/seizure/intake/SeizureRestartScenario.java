package org.openipm.messaging.seizure.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.seizure.SeizureRecords;
import org.openipm.platform.security.Roles;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Seizures written onto the topic across a restart of the service, in two halves run by two application instances
 * over the same PostgreSQL and broker (the instances of the deadline notices' restart scenario, so no restart is
 * added). The first half writes 1,500 seizures and ends as soon as matching is under way: the instance stops
 * whenever its other tests are done, mid-stream or later, with offsets committed or not. The second half, in the
 * restarted instance, sees every seizure matched exactly once (seizure-matched over the topic's whole history, and
 * the statistics), then has all of them delivered again and sees nothing change. The records written before the
 * restart are judged by their producer token at the time they were written.
 */
final class SeizureRestartScenario {

    private static final String AUTHORITY = "openipm.test.seizure-restart.authority";
    /** Where SharedInfrastructure keeps the broker both instances use (the test's own KafkaBroker would differ). */
    private static final String SHARED_BROKER = "openipm.test.shared.bootstrap-servers";
    private static final int SEIZURES = 1_500;

    private SeizureRestartScenario() {
    }

    static synchronized void step() {
        String authority = System.getProperty(AUTHORITY);
        if (authority == null) {
            beforeRestart();
        } else {
            afterRestart(authority);
        }
    }

    private static List<Map<String, Object>> seizures() {
        List<Map<String, Object>> seizures = new ArrayList<>();
        for (int i = 0; i < SEIZURES; i++) {
            seizures.add(SeizureRecords.seizure("R-" + i, "(01)09520123456788", 1 + i % 3, "pieces", 10));
        }
        return seizures;
    }

    private static String broker() {
        return System.getProperty(SHARED_BROKER);
    }

    private static void beforeRestart() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        try (SeizureRecords.Writer writer = new SeizureRecords.Writer(broker());
                TopicReader matches = new TopicReader(broker(), Topics.SEIZURE_MATCHED)) {
            writer.writeAll(authority, seizures(), Tokens.withRole(Roles.CUSTOMS_SYSTEM, authority, "FR"));
            matches.awaitOne(r -> r.value().contains("\"authority\":\"" + authority + "\""));
        }
        System.setProperty(AUTHORITY, authority);
    }

    private static void afterRestart(String authority) {
        String system = Tokens.withRole(Roles.CUSTOMS_SYSTEM, authority, "FR");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> seizuresCounted(system) == SEIZURES);
        try (SeizureRecords.Writer writer = new SeizureRecords.Writer(broker());
                TopicReader matches = new TopicReader(broker(), Topics.SEIZURE_MATCHED)) {
            writer.writeAll(authority, seizures(), system);
            matches.await(r -> r.value().contains("\"authority\":\"" + authority + "\""), SEIZURES,
                    Duration.ofSeconds(60));
            assertThat(matches.drain(Duration.ofSeconds(4)).stream()
                    .filter(r -> r.value().contains("\"authority\":\"" + authority + "\"")))
                    .as("one seizure-matched per seizure over the topic's whole history").hasSize(SEIZURES);
        }
        assertThat(seizuresCounted(system)).isEqualTo(SEIZURES);
        assertThat(given().auth().oauth2(system).get("/api/v1/statistics/seizures?groupBy=country").then()
                .statusCode(200).extract().jsonPath().getDouble("groups[0].quantities[0].quantity"))
                .isEqualTo(SEIZURES / 3 * 6.0);
        System.clearProperty(AUTHORITY);
    }

    private static long seizuresCounted(String token) {
        List<Long> counts = given().auth().oauth2(token).get("/api/v1/statistics/seizures?groupBy=country").then()
                .statusCode(200).extract().jsonPath().getList("groups.seizures", Long.class);
        return counts.isEmpty() ? 0 : counts.get(0);
    }
}
