package org.openipm.messaging.cases.workflow;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.ControllableClock;

/** One half of {@link RestartScenario}, in the default application instance. */
@QuarkusTest
@WithTestResource(SharedInfrastructure.class)
class DeadlineNoticesAcrossRestartTest {

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
