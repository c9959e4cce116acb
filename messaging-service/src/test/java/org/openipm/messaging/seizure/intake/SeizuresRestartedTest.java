package org.openipm.messaging.seizure.intake;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.cases.workflow.DeadlineNoticesRestartedTest;
import org.openipm.messaging.cases.workflow.SharedInfrastructure;

/** The other half of {@link SeizureRestartScenario}: the restarted instance of the deadline notices' scenario. */
@QuarkusTest
@TestProfile(DeadlineNoticesRestartedTest.AnotherInstance.class)
@WithTestResource(SharedInfrastructure.class)
class SeizuresRestartedTest {

    @Test
    void seizuresAreMatchedExactlyOnceAcrossARestart() {
        SeizureRestartScenario.step();
    }
}
