package org.openipm.messaging.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.messaging.cases.workflow.CaseScenarios.move;
import static org.openipm.messaging.cases.workflow.CaseScenarios.view;
import static org.openipm.messaging.cases.workflow.DeadlineNoticesTest.of;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.ControllableClock;
import org.openipm.messaging.Fixtures;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Deadline notices across a restart, in two halves run by two application instances over the same PostgreSQL
 * and broker ({@link SharedInfrastructure}; two test classes with different Quarkus test profiles, so Quarkus
 * restarts between them: the module's default instance first, whose servers the restarted one gets). The first half to run detains goods and sees the scheduler announce the approaching deadlines;
 * the second, in the restarted application, sees that nothing is announced again and that the misses come once.
 * The halves hand over the case id through a JVM system property (test classes do not share statics across a
 * Quarkus restart). The dates lie in 2030, past every other test's clock.
 */
final class RestartScenario {

    private static final String CASE = "openipm.test.restart-scenario.case";
    private static final String AUTHORITY = "openipm.test.restart-scenario.authority";
    private static final Instant DETAINED_AT = Instant.parse("2030-06-04T08:00:00Z");

    private RestartScenario() {
    }

    /** Runs whichever half is next; returns true when it was the half after the restart. */
    static synchronized boolean step(ControllableClock clock) {
        String caseId = System.getProperty(CASE);
        if (caseId == null) {
            beforeRestart(clock);
            return false;
        }
        afterRestart(clock, caseId, System.getProperty(AUTHORITY));
        return true;
    }

    private static void beforeRestart(ControllableClock clock) {
        String authority = CaseScenarios.registerAuthority("FR", "FRCDG", "Europe/Paris", null);
        // No brand: the catalogue copy would need the test's own broker address, which a restart changes.
        String caseId = Fixtures.flag(authority, "FR", Fixtures.shipment("FRCDG", Fixtures.newContainerNumber(),
                List.of(Fixtures.goods("Perfume")))).getString("caseId");
        clock.setTo(DETAINED_AT);
        move(Tokens.officer(authority, "FR"), caseId, "DETAINED").then().statusCode(200);
        Instant due = dueAt(authority, caseId);

        clock.setTo(due.minus(Duration.ofHours(1)));
        try (TopicReader caseEvents = new TopicReader(SharedInfrastructure.bootstrapServers(), Topics.CASE_EVENTS)) {
            // Nobody calls a pass here: the scheduler alone announces them.
            caseEvents.await(of(caseId, EventTypes.CASE_DEADLINE_APPROACHING), 3, Duration.ofSeconds(30));
        }
        System.setProperty(CASE, caseId);
        System.setProperty(AUTHORITY, authority);
    }

    private static void afterRestart(ControllableClock clock, String caseId, String authority) {
        Instant due = dueAt(authority, caseId);
        try (TopicReader caseEvents = new TopicReader(SharedInfrastructure.bootstrapServers(), Topics.CASE_EVENTS)) {
            clock.setTo(due.minus(Duration.ofMinutes(30)));
            // Several scheduler passes of the new instance at an instant when the deadlines still approach.
            List<ConsumerRecord<String, String>> seen = caseEvents.drain(Duration.ofSeconds(4));
            assertThat(seen.stream().filter(of(caseId, EventTypes.CASE_DEADLINE_APPROACHING)::test)).hasSize(3);

            clock.setTo(due);
            caseEvents.await(of(caseId, EventTypes.CASE_DEADLINE_MISSED), 3, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> all = caseEvents.drain(Duration.ofSeconds(3));
            assertThat(all.stream().filter(of(caseId, EventTypes.CASE_DEADLINE_APPROACHING)::test)).hasSize(3);
            assertThat(all.stream().filter(of(caseId, EventTypes.CASE_DEADLINE_MISSED)::test)).hasSize(3);
        }
        assertThat(view(Tokens.officer(authority, "FR"), caseId).getList("deadlines.state")).containsOnly("MISSED");
        System.clearProperty(CASE);
        System.clearProperty(AUTHORITY);
    }

    private static Instant dueAt(String authority, String caseId) {
        return Instant.parse(view(Tokens.officer(authority, "FR"), caseId)
                .getString("deadlines.find { it.kind == 'RIGHT_HOLDER_CONFIRMATION' }.dueAt"));
    }
}
