package org.openipm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventSchemaFiles;
import org.openipm.events.EventTypes;

/**
 * The schema files as someone else gets them: each one loads from the event-contracts folder with only its
 * siblings, no network, in the independent validator, and what the records serialise to passes it too.
 */
class EventSchemaValidatorTest {

    private static final Path CONTRACTS = Path.of("../event-contracts");
    private static final Path FOLDER = CONTRACTS.resolve("src/main/resources").resolve(EventSchemaFiles.FOLDER);
    private static final Path BROKEN = CONTRACTS.resolve("src/test/resources/broken-contracts/schemas");
    /** event-contracts' sample events (its EventSchemasTest checks them against the records): one set for both. */
    private static final Path SAMPLES = CONTRACTS.resolve("src/test/resources/sample-events");
    private static final SchemaRegistry FROM_DISK = EventSchemaValidator.offline(file -> readIfPresent(FOLDER, file));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyReferenceToAnotherSchemaNamesAFileBesideIt() throws IOException {
        List<String> dangling = new ArrayList<>();
        for (Path file : schemaFiles()) {
            for (String ref : references(JSON.readTree(file.toFile()))) {
                String target = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
                if (!target.isEmpty() && (target.contains(":") || target.contains("/")
                        || !Files.exists(FOLDER.resolve(target)))) {
                    dangling.add(file.getFileName() + " -> " + ref);
                }
            }
        }
        assertThat(dangling).as("references that are not a sibling file").isEmpty();
    }

    @Test
    void everySchemaLoadsFromItsFileWithoutTheNetwork() throws IOException {
        for (Path file : schemaFiles()) {
            EventSchemaValidator.schema(FROM_DISK, file.getFileName().toString()).initializeValidators();
        }
    }

    @Test
    void aSchemaReferringToAMissingFileDoesNotLoad() {
        SchemaRegistry broken = EventSchemaValidator.offline(file -> readIfPresent(BROKEN, file));

        assertThatThrownBy(EventSchemaValidator.schema(broken, "with-dangling-ref.schema.json")::initializeValidators)
                .hasStackTraceContaining("product-snapshot.v1.json");
    }

    @Test
    void everySampleEventPassesTheValidator() throws IOException {
        for (Path sample : files(SAMPLES, ".json")) {
            String schema = sample.getFileName().toString().replace(".json", ".schema.json");

            assertThat(EventSchemaValidator.schema(FROM_DISK, schema).validate(JSON.readTree(sample.toFile())))
                    .as(sample.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void theValidatorRejectsWhatTheContractForbids() throws IOException {
        ObjectNode retired = sample("product-published.v1.json");
        ((ObjectNode) retired.get("product")).put("status", "RETIRED");
        ObjectNode badMailbox = sample("product-published.v1.json");
        ((ObjectNode) badMailbox.at("/product/contacts/0")).put("email", "brand protection desk");
        ObjectNode badId = sample("product-viewed.v1.json");
        badId.put("viewId", "view-1");

        assertThat(EventSchemaValidator.violations(EventTypes.PRODUCT_PUBLISHED, retired))
                .anyMatch(message -> message.startsWith("/product/status"));
        assertThat(EventSchemaValidator.violations(EventTypes.PRODUCT_PUBLISHED, badMailbox))
                .anyMatch(message -> message.startsWith("/product/contacts/0/email"));
        assertThat(EventSchemaValidator.violations(EventTypes.PRODUCT_VIEWED, badId))
                .anyMatch(message -> message.startsWith("/viewId"));
        assertThat(EventSchemaValidator.violations("org.openipm.product.ProductMelted.v1", badId))
                .containsExactly("no schema product-melted.v1.schema.json in event-contracts for type "
                        + "org.openipm.product.ProductMelted.v1");
    }

    private static ObjectNode sample(String file) throws IOException {
        return (ObjectNode) JSON.readTree(SAMPLES.resolve(file).toFile());
    }

    private static String readIfPresent(Path folder, String file) {
        try {
            return Files.exists(folder.resolve(file)) ? Files.readString(folder.resolve(file)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> schemaFiles() throws IOException {
        return files(FOLDER, ".schema.json");
    }

    private static List<Path> files(Path folder, String ending) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(ending)).sorted().toList();
            assertThat(found).as(folder + "/*" + ending).isNotEmpty();
            return found;
        }
    }

    private static List<String> references(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> refs.addAll(references(child)));
        return refs;
    }
}
