package org.openipm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventSchemaFiles;
import org.openipm.events.EventTypes;
import org.openipm.events.authentication.AuthenticationCompleted;
import org.openipm.events.authentication.AuthenticationRequested;
import org.openipm.events.product.ProductDrafted;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductRetired;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.events.product.ProductViewed;

/**
 * The schema files as someone else gets them: each one loads from the event-contracts folder with only its
 * siblings, no network, in the independent validator, and what the records serialise to passes it too.
 */
class EventSchemaValidatorTest {

    private static final Path CONTRACTS = Path.of("../event-contracts");
    private static final Path FOLDER = CONTRACTS.resolve("src/main/resources").resolve(EventSchemaFiles.FOLDER);
    private static final Path BROKEN = CONTRACTS.resolve("src/test/resources/broken-contracts/schemas");
    private static final SchemaRegistry FROM_DISK = EventSchemaValidator.offline(file -> readIfPresent(FOLDER, file));
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

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
    void serialisedEventsPassTheValidator() {
        ProductSnapshot published = snapshot("PUBLISHED");
        assertThat(violations(EventTypes.PRODUCT_DRAFTED, new ProductDrafted(snapshot("DRAFT")))).isEmpty();
        assertThat(violations(EventTypes.PRODUCT_PUBLISHED, new ProductPublished(published))).isEmpty();
        assertThat(violations(EventTypes.PRODUCT_RETIRED, new ProductRetired(snapshot("RETIRED")))).isEmpty();
        assertThat(violations(EventTypes.PRODUCT_VIEWED, new ProductViewed(UUID.randomUUID(), published.productId(),
                published.brandId(), "officer-7", null, null, "09520123456788", Instant.now()))).isEmpty();
        assertThat(violations(EventTypes.AUTHENTICATION_REQUESTED, authenticationRequested())).isEmpty();
        assertThat(violations(EventTypes.AUTHENTICATION_COMPLETED, authenticationCompleted())).isEmpty();
    }

    @Test
    void theValidatorRejectsWhatTheContractForbids() {
        ObjectNode badMailbox = JSON.valueToTree(new ProductPublished(snapshot("PUBLISHED")));
        ((ObjectNode) badMailbox.at("/product/contacts/0")).put("email", "brand protection desk");
        ObjectNode badId = JSON.valueToTree(new ProductViewed(UUID.randomUUID(), UUID.randomUUID(), "acme",
                "officer-7", null, null, "x", Instant.now()));
        badId.put("viewId", "view-1");

        assertThat(violations(EventTypes.PRODUCT_PUBLISHED, new ProductPublished(snapshot("RETIRED"))))
                .anyMatch(message -> message.startsWith("/product/status"));
        assertThat(EventSchemaValidator.violations(EventTypes.PRODUCT_PUBLISHED, badMailbox))
                .anyMatch(message -> message.startsWith("/product/contacts/0/email"));
        assertThat(EventSchemaValidator.violations(EventTypes.PRODUCT_VIEWED, badId))
                .anyMatch(message -> message.startsWith("/viewId"));
        assertThat(EventSchemaValidator.violations("org.openipm.product.ProductMelted.v1", badId))
                .containsExactly("no schema product-melted.v1.schema.json in event-contracts for type "
                        + "org.openipm.product.ProductMelted.v1");
    }

    private static List<String> violations(String type, Record event) {
        return EventSchemaValidator.violations(type, JSON.valueToTree(event));
    }

    static ProductSnapshot snapshot(String status) {
        return new ProductSnapshot(UUID.randomUUID(), "acme-pharma", "Acme Pharma", List.of("952012"),
                "AC-500/20", "Acmoxil 500 mg", "PHARMACEUTICALS", "Amoxicillin capsules, 20 per box", status, 3,
                List.of("09520123456788"), List.of(new ProductSnapshot.TacRange("35690000", "35699999")),
                List.of(new ProductSnapshot.CodePattern("serial", "^AC[0-9]{8}$", "Serial printed under the flap")),
                List.of(new ProductSnapshot.Feature("SECURITY", "Colour-shifting ink", "Logo shifts green to blue",
                        "Box front, lower right", "Fakes stay green", "OVERT")),
                List.of(new ProductSnapshot.TradePartner("MANUFACTURER", "Acme Pharma Plant 2", "IE")),
                List.of(new ProductSnapshot.Contact("FR", "fr", "Brand protection", "Marie Dupont",
                        "protection@acme.example", "+33 1 23 45 67 89", "Mo-Fr 9-18", true)),
                List.of("img-1"), Instant.parse("2025-03-01T10:15:30.123456Z"), List.of("09520123456788"));
    }

    static AuthenticationRequested authenticationRequested() {
        return new AuthenticationRequested(UUID.randomUUID(), "(01)09520123456788(21)ABC123", "GS1_ELEMENT_STRING",
                "09520123456788", "ABC123", List.of(new AuthenticationRequested.Element("01", "09520123456788"),
                        new AuthenticationRequested.Element("21", "ABC123")),
                UUID.randomUUID(), "fr-customs", "FR",
                new AuthenticationRequested.Place("FR", "FRLEH", 49.49, 0.107), Instant.now());
    }

    static AuthenticationCompleted authenticationCompleted() {
        return new AuthenticationCompleted(UUID.randomUUID(), "SUSPECT", 0.93, true,
                "seen 9000 km away 2 hours earlier",
                new AuthenticationCompleted.Evidence("Code issued in 2025 for the EU market",
                        List.of(new AuthenticationCompleted.Fact("scanCount", "3")),
                        List.of(new AuthenticationCompleted.Sighting(UUID.randomUUID(), "SG", "SGSIN", 1.26, 103.84,
                                Instant.now()))),
                "acme-seal", "chk-42", 118L, UUID.randomUUID(), "acme-pharma", "09520123456788", "ABC123",
                "fr-customs", "FR", Instant.now(), Instant.now());
    }

    private static String readIfPresent(Path folder, String file) {
        try {
            return Files.exists(folder.resolve(file)) ? Files.readString(folder.resolve(file)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
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
