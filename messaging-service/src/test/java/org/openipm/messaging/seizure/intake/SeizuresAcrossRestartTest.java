package org.openipm.messaging.seizure.intake;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.cases.workflow.SharedInfrastructure;
import org.openipm.testing.PlatformTestResource;

/**
 * One half of {@link SeizureRestartScenario}, in the module's default instance,
 * whose servers it hands on to the restarted one.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SeizuresAcrossRestartTest {

    @BeforeEach
    void handOnTheServers() {
        SharedInfrastructure.handOnThisInstancesServers();
    }

    @Test
    void seizuresAreMatchedExactlyOnceAcrossARestart() {
        SeizureRestartScenario.step();
    }
}
