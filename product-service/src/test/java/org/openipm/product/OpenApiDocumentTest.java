package org.openipm.product;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openipm.testing.OpenApiDocumentTests;
import org.openipm.testing.PlatformTestResource;

/** product-service's /q/openapi is accepted by other people's tools. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpenApiDocumentTest implements OpenApiDocumentTests {
}
