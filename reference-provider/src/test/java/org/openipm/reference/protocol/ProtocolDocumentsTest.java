package org.openipm.reference.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.provider.protocol.ProviderTopics;
import org.openipm.provider.protocol.Verdict;
import org.openipm.reference.admin.RegistrationResource;
import org.openipm.testing.OpenApiDocuments;

/**
 * The protocol as providers read it (docs/provider-protocol.md, openapi.yaml, asyncapi.yaml) says what the
 * protocol's records and signatures do: accepted by other people's OpenAPI and AsyncAPI tools, every example valid
 * against its schema and read by the records into the very same JSON, every schema naming exactly the records'
 * fields, and the worked signing example recomputed by {@link MessageSignatures}.
 */
class ProtocolDocumentsTest {

    private static final Path PROJECT = Path.of(System.getProperty("openipm.project.dir", "..")).toAbsolutePath();
    private static final Path DOCS = PROJECT.resolve("docs");
    private static final Path OPENAPI = DOCS.resolve("provider-protocol/openapi.yaml");
    private static final Path ASYNCAPI = DOCS.resolve("provider-protocol/asyncapi.yaml");
    /** event-contracts installs the AsyncAPI initiative's parser (npm) when its tests build; reused here. */
    private static final Path ASYNCAPI_PARSER = PROJECT
            .resolve("platform/event-contracts/target/asyncapi-parser/parse-asyncapi.mjs");
    private static final String SCHEMA_BASE = "https://openipm.test/provider-protocol/openapi.json";

    /** Reads strictly: a field the records do not know fails. Writes like the services do (ISO instants). */
    private static final ObjectMapper RECORDS = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Class<?>> SCHEMA_RECORDS = Map.of(
            "AuthenticationQuery", AuthenticationQuery.class,
            "CodeReading", AuthenticationQuery.CodeReading.class,
            "Element", AuthenticationQuery.Element.class,
            "Requester", AuthenticationQuery.Requester.class,
            "Place", AuthenticationQuery.Place.class,
            "AuthenticationAnswer", AuthenticationAnswer.class,
            "Evidence", AuthenticationAnswer.Evidence.class);

    @Test
    void theOpenApiDocumentIsAcceptedBySwaggerParserWithoutAnyMessage() throws IOException {
        assertThat(OpenApiDocuments.problems(Files.readString(OPENAPI))).isEmpty();
    }

    @Test
    void theOpenApiPathIsTheReferenceProvidersEndpoint() throws IOException {
        assertThat(openApi().path("paths").has(RegistrationResource.ENDPOINT_PATH)).isTrue();
    }

    @Test
    void everySchemaNamesExactlyTheFieldsOfItsRecord() throws IOException {
        JsonNode schemas = openApi().path("components").path("schemas");
        SCHEMA_RECORDS.forEach((schema, type) -> {
            Set<String> properties = new LinkedHashSet<>();
            schemas.path(schema).path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as(schema).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
        });
        List<String> verdicts = new ArrayList<>();
        schemas.path("Verdict").path("enum").forEach(v -> verdicts.add(v.asText()));
        assertThat(verdicts).containsExactlyElementsOf(Arrays.stream(Verdict.values()).map(Enum::name).toList());
        assertThat(schemas.path("AuthenticationQuery").path("properties").path("protocolVersion").path("const")
                .asText()).isEqualTo(AuthenticationQuery.VERSION);
    }

    @Test
    void everyOpenApiExampleIsValidAndReadByTheRecordsIntoTheSameJson() throws IOException {
        JsonNode operation = openApi().path("paths").path(RegistrationResource.ENDPOINT_PATH).path("post");
        JsonNode queries = operation.path("requestBody").path("content").path("application/json").path("examples");
        JsonNode answers = operation.path("responses").path("200").path("content").path("application/json")
                .path("examples");
        assertThat(queries.size()).isGreaterThanOrEqualTo(2);
        assertThat(answers.size()).as("one example per verdict").isEqualTo(Verdict.values().length);
        queries.forEach(example -> assertValidMessage(example.path("value"), "AuthenticationQuery", AuthenticationQuery.class));
        answers.forEach(example -> assertValidMessage(example.path("value"), "AuthenticationAnswer", AuthenticationAnswer.class));
    }

    @Test
    void theSchemasRefuseWhatTheProtocolForbids() throws IOException {
        JsonNode answer = firstAnswerExample();
        assertThat(violations(((com.fasterxml.jackson.databind.node.ObjectNode) answer.deepCopy()).put("verdict", "ERROR"),
                "AuthenticationAnswer")).isNotEmpty();
        assertThat(violations(((com.fasterxml.jackson.databind.node.ObjectNode) answer.deepCopy()).put("confidence", 1.5),
                "AuthenticationAnswer")).isNotEmpty();
        assertThat(violations(((com.fasterxml.jackson.databind.node.ObjectNode) answer.deepCopy()).without("code"),
                "AuthenticationAnswer")).isNotEmpty();
    }

    @Test
    void theWorkedSigningExamplesAreWhatMessageSignaturesComputes() throws IOException {
        List<Map<String, String>> examples = workedExamples();
        assertThat(examples).hasSize(2);
        for (Map<String, String> example : examples) {
            Map<String, String> signed = new MessageSignatures(example.get("secret")).sign(example.get("webhook-id"),
                    Instant.ofEpochSecond(Long.parseLong(example.get("webhook-timestamp"))), example.get("body"));
            assertThat(signed.get(MessageSignatures.SIGNATURE)).as(example.get("webhook-id"))
                    .isEqualTo(example.get("webhook-signature"));
        }
        String query = examples.get(0).get("body");
        String answer = examples.get(1).get("body");
        assertThat(RECORDS.writeValueAsString(RECORDS.readValue(query, AuthenticationQuery.class)))
                .as("the query is exactly what OpenIPM's records write").isEqualTo(query);
        assertThat(RECORDS.writeValueAsString(RECORDS.readValue(answer, AuthenticationAnswer.class))).isEqualTo(answer);
        assertThat(examples.get(0).get("webhook-id")).isEqualTo(RECORDS.readTree(query).path("requestId").asText());
    }

    @Test
    void theDocumentNamesEveryFieldOfEveryMessage() throws IOException {
        String document = Files.readString(DOCS.resolve("provider-protocol.md"));
        // A field is named alone (`code`) or on a path (`requester.country`).
        SCHEMA_RECORDS.values().forEach(type -> Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                .forEach(field -> assertThat(Stream.of("`" + field + "`", "`" + field + ".", "." + field + "`")
                        .anyMatch(document::contains)).as(type.getSimpleName() + "." + field + " in the document")
                        .isTrue()));
        Arrays.stream(Verdict.values()).forEach(verdict -> assertThat(document).contains("`" + verdict + "`"));
        assertThat(document).contains(ProviderTopics.requests("<providerId>"), ProviderTopics.replies("<providerId>"));
    }

    @Test
    void theAsyncApiDocumentParsesWithTheAsyncApiParserAndNamesTheProviderTopics() throws Exception {
        assertThat(ASYNCAPI_PARSER).as("the AsyncAPI parser that event-contracts' build installs (run Maven with -am)")
                .exists();
        Process node = new ProcessBuilder("node", ASYNCAPI_PARSER.toString(), ASYNCAPI.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        JsonNode result = RECORDS.readTree(output).get(0);

        assertThat(result.path("errors")).as("errors reported by @asyncapi/parser").isEmpty();
        List<String> channels = new ArrayList<>();
        result.path("channels").forEach(channel -> channels.add(channel.asText()));
        assertThat(channels).containsExactlyInAnyOrder(ProviderTopics.requests("{providerId}"),
                ProviderTopics.replies("{providerId}"));
    }

    @Test
    void theAsyncApiExamplesAreValidSignedMessages() throws IOException {
        JsonNode messages = YAML.readTree(ASYNCAPI.toFile()).path("components").path("messages");
        String secret = workedExamples().get(0).get("secret");
        Map<String, Class<?>> types = Map.of("authenticationQuery", AuthenticationQuery.class,
                "authenticationAnswer", AuthenticationAnswer.class);
        types.forEach((message, type) -> {
            JsonNode examples = messages.path(message).path("examples");
            assertThat(examples.size()).as(message).isPositive();
            for (JsonNode example : examples) {
                assertValidMessage(example.path("payload"), type.getSimpleName(), type);
                Map<String, String> headers = new HashMap<>();
                example.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                String body = example.path("payload").toString();
                Map<String, String> signed = new MessageSignatures(secret).sign(headers.get(MessageSignatures.ID),
                        Instant.ofEpochSecond(Long.parseLong(headers.get(MessageSignatures.TIMESTAMP))), body);
                assertThat(signed.get(MessageSignatures.SIGNATURE)).as(message + " signed with the worked example's secret")
                        .isEqualTo(headers.get(MessageSignatures.SIGNATURE));
            }
        });
    }

    private static void assertValidMessage(JsonNode example, String schema, Class<?> record) {
        assertThat(violations(example, schema)).as(schema + " example " + example).isEmpty();
        try {
            JsonNode roundTrip = RECORDS.valueToTree(RECORDS.treeToValue(example, record));
            assertThat(roundTrip).as("read by " + record.getSimpleName() + " and written again").isEqualTo(example);
        } catch (IOException e) {
            throw new AssertionError(record.getSimpleName() + " cannot read " + example, e);
        }
    }

    private static List<String> violations(JsonNode message, String schema) {
        String document;
        try {
            document = RECORDS.writeValueAsString(openApi());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(), builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemas(iri -> iri.startsWith(SCHEMA_BASE) ? document : null));
        return registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "#/components/schemas/" + schema)).validate(message)
                .stream().map(Error::toString).toList();
    }

    private static JsonNode firstAnswerExample() throws IOException {
        return openApi().path("paths").path(RegistrationResource.ENDPOINT_PATH).path("post").path("responses")
                .path("200").path("content").path("application/json").path("examples").elements().next().path("value");
    }

    private static JsonNode openApi() {
        try {
            return YAML.readTree(OPENAPI.toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The ```text blocks of provider-protocol.md that show a signed message, as name -> value. */
    private static List<Map<String, String>> workedExamples() throws IOException {
        String document = Files.readString(DOCS.resolve("provider-protocol.md"));
        Matcher block = Pattern.compile("```text\\n(.*?)```", Pattern.DOTALL).matcher(document);
        List<Map<String, String>> examples = new ArrayList<>();
        while (block.find()) {
            Map<String, String> values = new HashMap<>();
            Stream.of(block.group(1).split("\\n")).map(line -> line.split(":\\s+", 2)).filter(kv -> kv.length == 2)
                    .forEach(kv -> values.put(kv[0], kv[1]));
            if (values.containsKey("webhook-signature")) {
                examples.add(values);
            }
        }
        return examples;
    }
}
