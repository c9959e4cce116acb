package org.openipm.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * asyncapi.yaml as AsyncAPI tooling sees it: parsed by the AsyncAPI initiative's own parser (the one behind its
 * generator, Studio and Modelina), not by our reading of the specification. The build installs the parser with
 * npm (see this module's pom); both documents are parsed in one node process to keep the test quick.
 */
class AsyncApiParserTest {

    private static final Path PARSER = Path.of("target", "asyncapi-parser", "parse-asyncapi.mjs");
    private static final String CONTRACT = "src/main/resources/asyncapi.yaml";
    private static final String BROKEN = "src/test/resources/broken-contracts/asyncapi-dangling-ref.yaml";

    private static final Map<String, JsonNode> parsed = new HashMap<>();

    @BeforeAll
    static void parseWithTheAsyncApiParser() throws IOException, InterruptedException {
        assertThat(PARSER).as("the parser script, installed by the build (mvn generate-test-resources)").exists();
        Process node;
        try {
            node = new ProcessBuilder("node", PARSER.toString(), CONTRACT, BROKEN)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IllegalStateException("node (20 or later) must be on the PATH to check asyncapi.yaml", e);
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).as("the parser finished").isTrue();
        assertThat(node.exitValue()).as("parser exit code, output: %s", output).isZero();
        for (JsonNode result : new ObjectMapper().readTree(output)) {
            parsed.put(result.path("file").asText(), result);
        }
    }

    @Test
    void theContractParsesWithoutAnyError() {
        assertThat(parsed.get(CONTRACT).path("errors")).as("errors reported by @asyncapi/parser").isEmpty();
    }

    @Test
    void theParsedContractListsEveryPlatformTopicAndTheBrandAlerts() {
        List<String> channels = new ArrayList<>();
        parsed.get(CONTRACT).path("channels").forEach(address -> channels.add(address.asText()));
        Topics.PLATFORM_TOPICS.forEach(topic -> assertThat(channels).as("channels").contains(topic.name()));
        assertThat(channels).contains(Topics.alertsOf("{brandId}"),
                Topics.deadLetterOf("{topic}", "{consumingService}"));
    }

    @Test
    void aContractWithADanglingSchemaReferenceIsRejected() {
        JsonNode broken = parsed.get(BROKEN);

        assertThat(broken.path("errors")).isNotEmpty();
        assertThat(broken.path("errors").get(0).path("code").asText()).isEqualTo("invalid-ref");
        assertThat(broken.path("errors").get(0).path("message").asText()).contains("product-snapshot.v1.json");
        assertThat(broken.path("channels")).as("no document comes out of a broken contract").isEmpty();
    }
}
