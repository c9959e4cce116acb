package org.openipm.lookup;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.ServiceBaselineTests;

/** lookup-service starts against the real broker and database and guards its API before routing. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LookupServiceBaselineTest extends ServiceBaselineTests {
}
