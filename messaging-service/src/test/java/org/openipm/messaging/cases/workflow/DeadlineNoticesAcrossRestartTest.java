package org.openipm.messaging.cases.workflow;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.ControllableClock;
import org.openipm.testing.PlatformTestResource;

/**
 * One half of {@link RestartScenario}, in the module's default instance,
 * whose servers it hands on to the restarted one.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DeadlineNoticesAcrossRestartTest {

    @BeforeEach
    void handOnTheServers() {
        SharedInfrastructure.handOnThisInstancesServers();
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
