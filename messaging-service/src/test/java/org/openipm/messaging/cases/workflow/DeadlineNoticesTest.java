package org.openipm.messaging.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.messaging.cases.workflow.CaseScenarios.move;
import static org.openipm.messaging.cases.workflow.CaseScenarios.view;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.ControllableClock;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * case.deadline-approaching and case.deadline-missed on the real broker: each once, not before its time, whatever
 * the number of passes running at once (the scheduler's own and the test's).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DeadlineNoticesTest {

    @Inject
    ControllableClock clock;

    @Inject
    DeadlineNotices notices;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachDeadlineIsAnnouncedOnceWhenItApproachesAndOnceWhenItIsMissedNeverEarlier() {
        String authority = CaseScenarios.registerAuthority("FR", "FRLEH", "Europe/Paris", null);
        Product product = Fixtures.cataloguedProduct("watches");
        String caseId = CaseScenarios.openCase(authority, "FR", "FRLEH", product);
        clock.setTo(CaseDeadlineTest.BEFORE_CHRISTMAS);
        move(Tokens.officer(authority, "FR"), caseId, "DETAINED").then().statusCode(200);
        // Three periods end with 8 January 2027 (Paris); two working days remain from Thursday 7 January, 00:00.
        Instant approaching = Instant.parse("2027-01-06T23:00:00Z");
        Instant due = Instant.parse("2027-01-08T23:00:00Z");

        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            clock.setTo(approaching.minusSeconds(1));
            passesAtOnce(3);
            assertThat(noticesIn(view(Tokens.officer(authority, "FR"), caseId))).isEmpty();

            clock.setTo(approaching);
            passesAtOnce(3);
            List<ConsumerRecord<String, String>> approachingRecords = caseEvents.await(
                    of(caseId, EventTypes.CASE_DEADLINE_APPROACHING), 3, Duration.ofSeconds(20));
            JsonPath first = JsonPath.from(approachingRecords.get(0).value());
            assertThat(RecordedEvents.conforming(approachingRecords.get(0)).getType())
                    .isEqualTo(EventTypes.CASE_DEADLINE_APPROACHING);
            assertThat(first.getString("lastDay")).isEqualTo("2027-01-08");
            assertThat(first.getString("dueAt")).isEqualTo("2027-01-08T23:00:00Z");
            assertThat(first.getString("country")).isEqualTo("FR");
            assertThat(approachingRecords.stream().map(r -> JsonPath.from(r.value()).getString("kind")))
                    .containsExactlyInAnyOrder("RIGHT_HOLDER_CONFIRMATION", "DECLARANT_OBJECTION",
                            "PROCEEDINGS_INITIATION");
            ConsumerRecord<String, String> rightHolder = approachingRecords.stream()
                    .filter(r -> r.value().contains("RIGHT_HOLDER_CONFIRMATION")).findFirst().orElseThrow();
            assertThat(JsonPath.from(rightHolder.value()).getList("mustAct.id")).containsExactly(product.brandId());

            clock.setTo(due.minusSeconds(1));
            passesAtOnce(3);
            JsonPath beforeDue = view(Tokens.officer(authority, "FR"), caseId);
            assertThat(beforeDue.getList("deadlines.state")).containsOnly("OPEN");
            assertThat(beforeDue.getList("deadlines.approachingNoticedAt")).doesNotContainNull();

            clock.setTo(due);
            passesAtOnce(3);
            caseEvents.await(of(caseId, EventTypes.CASE_DEADLINE_MISSED), 3, Duration.ofSeconds(20));
            // Another pass (and the scheduler's own every second) finds nothing more to tell.
            assertThat(notices.pass()).isZero();
            List<ConsumerRecord<String, String>> all = caseEvents.drain(Duration.ofSeconds(3));
            assertThat(all.stream().filter(of(caseId, EventTypes.CASE_DEADLINE_APPROACHING)::test)).hasSize(3);
            assertThat(all.stream().filter(of(caseId, EventTypes.CASE_DEADLINE_MISSED)::test)).hasSize(3);
        }

        JsonPath officers = view(Tokens.officer(authority, "FR"), caseId);
        assertThat(officers.getList("deadlines.state")).containsOnly("MISSED");
        assertThat(officers.getList("deadlines.missedNoticedAt")).containsOnly("2027-01-08T23:00:00Z");
        assertThat(noticesIn(officers)).containsOnly("DEADLINE_APPROACHING", "DEADLINE_MISSED").hasSize(6);
        assertThat(noticesIn(view(Tokens.brand(product.brandId()), caseId))).hasSize(6);
    }

    private void passesAtOnce(int passes) {
        List<CompletableFuture<Integer>> running = new java.util.ArrayList<>();
        for (int i = 0; i < passes; i++) {
            running.add(CompletableFuture.supplyAsync(notices::pass));
        }
        running.forEach(CompletableFuture::join);
    }

    static java.util.function.Predicate<ConsumerRecord<String, String>> of(String caseId, String type) {
        return r -> caseId.equals(r.key()) && type.equals(TopicReader.header(r, CloudEventHeaders.TYPE));
    }

    private static List<Object> noticesIn(JsonPath view) {
        return view.getList("timeline.kind").stream()
                .filter(k -> "DEADLINE_APPROACHING".equals(k) || "DEADLINE_MISSED".equals(k)).map(k -> (Object) k)
                .toList();
    }
}
