package org.openipm.messaging.cases.workflow;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.ControllableClock;

/**
 * The other half of {@link RestartScenario}: a profile of its own makes Quarkus start a new application instance
 * over the same database and broker (it also notices in batches of two).
 */
@QuarkusTest
@TestProfile(DeadlineNoticesRestartedTest.AnotherInstance.class)
@WithTestResource(SharedInfrastructure.class)
public class DeadlineNoticesRestartedTest {

    public static class AnotherInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openipm.deadlines.notice-batch-size", "2");
        }
    }

    @Inject
    ControllableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void noticesSurviveARestartOfTheService() {
        RestartScenario.step(clock);
    }
}
