package org.openipm.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openipm.events.product.ProductDrafted;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductRetired;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.events.product.ProductViewed;

/**
 * The schema files as someone else gets them: each one loads from disk with only its siblings, no network, in
 * an independent validator (networknt), and what our records serialise to passes that validator too.
 */
class EventSchemaFilesTest {

    private static final Path FOLDER = Path.of("src/main/resources", EventSchemaFiles.FOLDER);
    private static final Path BROKEN = Path.of("src/test/resources/broken-contracts/schemas");
    /**
     * networknt's {@code email} format also demands a top-level domain from IANA's list, which refuses the reserved
     * test domains ({@code .example}, RFC 2606) that the services accept through Bean Validation's {@code @Email};
     * the schemas mean the RFC 5321 mailbox syntax only, checked here as such.
     */
    private static final Pattern MAILBOX = Pattern.compile("^[^\\s@]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    private static final Dialect DRAFT_2020_12_WITH_MAILBOX_SYNTAX = Dialect.builder(Dialects.getDraft202012())
            .format(new Format() {
                @Override
                public String getName() {
                    return "email";
                }

                @Override
                public boolean matches(ExecutionContext context, String value) {
                    return MAILBOX.matcher(value).matches();
                }
            }).build();
    private static final SchemaRegistry CONTRACTS = offlineRegistry(FOLDER);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyReferenceToAnotherSchemaNamesAFileBesideIt() throws IOException {
        List<String> dangling = new ArrayList<>();
        for (Path file : schemaFiles(FOLDER)) {
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
        for (Path file : schemaFiles(FOLDER)) {
            load(CONTRACTS, file.getFileName().toString()).initializeValidators();
        }
    }

    @Test
    void aSchemaReferringToAMissingFileDoesNotLoad() {
        Schema schema = load(offlineRegistry(BROKEN), "with-dangling-ref.schema.json");

        assertThatThrownBy(schema::initializeValidators).hasStackTraceContaining("product-snapshot.v1.json");
    }

    @Test
    void serialisedEventsPassTheIndependentValidator() {
        ProductSnapshot published = EventSchemasTest.snapshot("PUBLISHED");
        assertThat(errors(EventTypes.PRODUCT_DRAFTED, new ProductDrafted(EventSchemasTest.snapshot("DRAFT")))).isEmpty();
        assertThat(errors(EventTypes.PRODUCT_PUBLISHED, new ProductPublished(published))).isEmpty();
        assertThat(errors(EventTypes.PRODUCT_RETIRED, new ProductRetired(EventSchemasTest.snapshot("RETIRED"))))
                .isEmpty();
        assertThat(errors(EventTypes.PRODUCT_VIEWED, new ProductViewed(UUID.randomUUID(), published.productId(),
                published.brandId(), "officer-7", null, null, "09520123456788", Instant.now()))).isEmpty();
        assertThat(errors(EventTypes.AUTHENTICATION_REQUESTED, EventSchemasTest.authenticationRequested())).isEmpty();
        assertThat(errors(EventTypes.AUTHENTICATION_COMPLETED, EventSchemasTest.authenticationCompleted())).isEmpty();
    }

    @Test
    void theIndependentValidatorRejectsWhatTheContractForbids() {
        ProductSnapshot retired = EventSchemasTest.snapshot("RETIRED");
        ObjectNode badMailbox = JSON.valueToTree(new ProductPublished(EventSchemasTest.snapshot("PUBLISHED")));
        ((ObjectNode) badMailbox.at("/product/contacts/0")).put("email", "brand protection desk");
        ObjectNode badId = JSON.valueToTree(new ProductViewed(UUID.randomUUID(), retired.productId(), "acme",
                "officer-7", null, null, "x", Instant.now()));
        badId.put("viewId", "view-1");

        assertThat(errors(EventTypes.PRODUCT_PUBLISHED, JSON.valueToTree(new ProductPublished(retired))))
                .anyMatch(message -> message.startsWith("/product/status"));
        assertThat(errors(EventTypes.PRODUCT_PUBLISHED, badMailbox))
                .anyMatch(message -> message.startsWith("/product/contacts/0/email"));
        assertThat(errors(EventTypes.PRODUCT_VIEWED, badId)).anyMatch(message -> message.startsWith("/viewId"));
    }

    private static List<String> errors(String type, Record event) {
        return errors(type, JSON.valueToTree(event));
    }

    private static List<String> errors(String type, JsonNode json) {
        return load(CONTRACTS, EventSchemaFiles.fileOf(type)).validate(json).stream().map(Error::toString).toList();
    }

    /**
     * Reads a schema the way its {@code $id} names it, from the folder on disk: the published prefix stands for
     * the folder, references resolve against the {@code $id} as the specification says, nothing is fetched from
     * the network, and formats (uuid, date-time, email) are asserted.
     */
    static SchemaRegistry offlineRegistry(Path folder) {
        return SchemaRegistry.withDefaultDialect(DRAFT_2020_12_WITH_MAILBOX_SYNTAX, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemas(iri -> iri.startsWith(EventSchemaFiles.ID_BASE)
                        ? readIfPresent(folder.resolve(iri.substring(EventSchemaFiles.ID_BASE.length())))
                        : null));
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(SchemaRegistry registry, String file) {
        return registry.getSchema(SchemaLocation.of(EventSchemaFiles.ID_BASE + file));
    }

    private static List<Path> schemaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> schemas = files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted()
                    .toList();
            assertThat(schemas).isNotEmpty();
            return schemas;
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
