package org.openipm.testing;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges an OpenAPI document with a maintained OpenAPI parser (swagger-parser, the one behind swagger-codegen and
 * openapi-generator) rather than with our reading of the specification.
 */
public final class OpenApiDocuments {

    private OpenApiDocuments() {
    }

    /**
     * Everything the parser finds wrong with the document (it also wants a licence's SPDX identifier, as strict
     * tools do), and a version other than the 3.1 the services publish; empty when the document is fine.
     */
    public static List<String> problems(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> problems = new ArrayList<>();
        if (result.getMessages() != null) {
            problems.addAll(result.getMessages());
        }
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            problems.add("not an OpenAPI document");
            return problems;
        }
        if (api.getOpenapi() == null || !api.getOpenapi().startsWith("3.1.")) {
            problems.add("openapi " + api.getOpenapi() + " is not 3.1.x");
        }
        return problems;
    }
}
