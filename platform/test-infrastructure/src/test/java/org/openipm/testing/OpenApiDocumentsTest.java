package org.openipm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {

    private static final String GOOD = """
            openapi: 3.1.0
            info:
              title: OpenIPM product-service
              version: 1.0.0
              license:
                name: Apache 2.0
                identifier: Apache-2.0
            paths:
              /api/v1/me:
                get:
                  responses:
                    "200":
                      description: Who the caller is.
            """;

    @Test
    void aCompleteDocumentHasNoProblem() {
        assertThat(OpenApiDocuments.problems(GOOD)).isEmpty();
    }

    @Test
    void aDocumentWithoutTitleIsRejectedByTheParser() throws IOException {
        assertThat(OpenApiDocuments.problems(fixture("openapi-without-title.yaml")))
                .anyMatch(problem -> problem.contains("info.title"));
    }

    @Test
    void aLicenceWithoutSpdxIdentifierIsRejected() throws IOException {
        assertThat(OpenApiDocuments.problems(fixture("openapi-license-name-only.yaml")))
                .containsExactly("attribute info.license.identifier is missing");
    }

    @Test
    void anOpenApi30DocumentIsNotWhatTheServicesPublish() {
        assertThat(OpenApiDocuments.problems(GOOD.replace("3.1.0", "3.0.3")))
                .contains("openapi 3.0.3 is not 3.1.x");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = OpenApiDocumentsTest.class.getResourceAsStream("/broken-contracts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
