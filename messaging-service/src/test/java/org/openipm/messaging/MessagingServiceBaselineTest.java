package org.openipm.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.ServiceBaselineTests;

/** messaging-service starts against the real broker and database, migrates its schema and guards its API. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class MessagingServiceBaselineTest extends ServiceBaselineTests {
}
