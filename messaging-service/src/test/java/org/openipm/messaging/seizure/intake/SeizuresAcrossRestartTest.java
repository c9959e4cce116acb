package org.openipm.messaging.seizure.intake;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.cases.workflow.SharedInfrastructure;

/** One half of {@link SeizureRestartScenario}, in the default instance over the shared infrastructure. */
@QuarkusTest
@WithTestResource(SharedInfrastructure.class)
class SeizuresAcrossRestartTest {

    @Test
    void seizuresAreMatchedExactlyOnceAcrossARestart() {
        SeizureRestartScenario.step();
    }
}
