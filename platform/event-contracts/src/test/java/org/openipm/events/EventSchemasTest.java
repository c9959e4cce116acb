package org.openipm.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventSchemas.Located;
import org.openipm.events.authentication.AuthenticationCompleted;
import org.openipm.events.authentication.AuthenticationRequested;
import org.openipm.events.product.ProductDrafted;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.events.product.ProductViewed;

/**
 * Keeps each payload record and its published JSON Schema the same shape: a component added, renamed or retyped on
 * one side only fails here, before a consumer in another service finds out.
 */
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final EventSchemas schemas = new EventSchemas();

    @Test
    void everyEventTypeHasAPayloadRecordAndASchema() throws IllegalAccessException {
        assertThat(EventSchemas.PAYLOADS.keySet()).containsExactlyInAnyOrderElementsOf(eventTypeConstants());
        EventSchemas.PAYLOADS.forEach((type, payload) -> {
            assertThat(payload.getSimpleName()).as("record of %s", type).isEqualTo(EventSchemas.factOf(type));
            assertThat(schemas.document(EventSchemas.fileOf(type))).as("schema of %s", type).isNotNull();
        });
    }

    @Test
    void schemasAreDraft2020WithAnIdFollowingTheirFileName() {
        List<String> files = new ArrayList<>(EventSchemas.SHARED);
        EventSchemas.PAYLOADS.keySet().stream().map(EventSchemas::fileOf).forEach(files::add);
        for (String file : files) {
            JsonNode schema = schemas.document(file);
            assertThat(schema.path("$schema").asText()).as(file).isEqualTo(EventSchemas.DRAFT_2020_12);
            assertThat(schema.path("$id").asText()).as(file)
                    .isEqualTo(EventSchemas.ID_BASE + file);
        }
    }

    @Test
    void schemaPropertiesAreExactlyTheRecordComponents() {
        List<String> drift = new ArrayList<>();
        EventSchemas.PAYLOADS.forEach((type, payload) ->
                compare(payload, schemas.root(EventSchemas.fileOf(type)), payload.getSimpleName(), drift));
        assertThat(drift).isEmpty();
    }

    @Test
    void aComponentTheSchemaDoesNotDeclareIsReportedAsDrift() {
        record ProductViewedWithSeat(UUID viewId, UUID productId, String brandId, String officer, String authority,
                String country, String code, Instant viewedAt, String seat) {
        }
        List<String> drift = new ArrayList<>();

        compare(ProductViewedWithSeat.class, schemas.root("product-viewed.v1.schema.json"), "ProductViewed", drift);

        assertThat(drift).containsExactly(
                "ProductViewed: record components [seat] are not schema properties");
    }

    @Test
    void everySampleEventIsFullyFilledWhatItsRecordWritesAndConforms() throws Exception {
        for (var payload : EventSchemas.PAYLOADS.entrySet()) {
            JsonNode sample = EventSchemas.sample(payload.getKey());
            Record read = JSON.treeToValue(sample, payload.getValue());

            assertThat(JSON.readTree(JSON.writeValueAsString(read))).as(payload.getKey()).isEqualTo(sample);
            assertThat(nullsAndEmptyLists(sample, "$")).as(payload.getKey()).isEmpty();
            assertConforms(payload.getKey(), read);
        }
    }

    @Test
    void aSeizureWithoutItsOptionalPartsIsValid() {
        assertConforms(EventTypes.SEIZURE_REPORTED, new org.openipm.events.seizures.SeizureReported("fr-douane",
                "FR-1", java.time.LocalDate.of(2025, 3, 2), "FR", "FRLEH", "POSTAL",
                List.of(new org.openipm.events.seizures.SeizureReported.Goods(List.of(), "Sneakers", 2, "pairs")),
                null, null, null, null, null, Instant.now(), null));
    }

    @Test
    void caseEventsSerialiseToWhatTheirSchemasDescribe() {
        java.util.UUID caseId = UUID.randomUUID();
        assertConforms(EventTypes.SHIPMENT_FLAGGED, new org.openipm.events.cases.ShipmentFlagged(caseId,
                "fr-douane", "FR", "FRLEH", "SEA", "CN", "FR", List.of("acme-watches"),
                List.of(new org.openipm.events.cases.ShipmentFlagged.GoodsLine(1, "Wrist watches", 300.0, "pieces",
                        List.of("acme-watches")),
                        new org.openipm.events.cases.ShipmentFlagged.GoodsLine(2, "Straps", null, null, List.of())),
                Instant.now()));
        assertConforms(EventTypes.SHIPMENT_FLAGGED, new org.openipm.events.cases.ShipmentFlagged(caseId,
                "fr-douane", "FR", "FRLEH", "POSTAL", null, null, List.of(), List.of(), Instant.now()));
        assertConforms(EventTypes.CASE_OPENED, new org.openipm.events.cases.CaseOpened(caseId, "FLAGGED",
                "fr-douane", "FR", "FRLEH", "SEA", List.of("acme-watches"), Instant.now()));
        assertConforms(EventTypes.CASE_LINKED, new org.openipm.events.cases.CaseLinked(caseId, UUID.randomUUID(),
                "CONTAINER", "CSQU3054383", "nl-douane", "NL", "NLRTM", Instant.now()));
        assertConforms(EventTypes.CASE_PARTICIPANT_INVITED, new org.openipm.events.cases.CaseParticipantInvited(
                caseId, "nl-douane", "NL", "fr-douane", Instant.now()));
        org.openipm.events.cases.CaseParty customs = org.openipm.events.cases.CaseParty.authority("fr-douane");
        org.openipm.events.cases.CaseParty brand = org.openipm.events.cases.CaseParty.brand("acme-watches");
        assertConforms(EventTypes.CASE_STATUS_CHANGED, new org.openipm.events.cases.CaseStatusChanged(caseId,
                "FLAGGED", "DETAINED", customs, null, "Regulation (EU) No 608/2013, Art. 17(1)",
                List.of("acme-watches"), List.of("fr-douane"), Instant.now()));
        assertConforms(EventTypes.CASE_MESSAGE_POSTED, new org.openipm.events.cases.CaseMessagePosted(caseId,
                UUID.randomUUID(), "ASSESSMENT", brand, List.of(customs), 0, Instant.now()));
        assertConforms(EventTypes.CASE_DEADLINE_APPROACHING, new org.openipm.events.cases.CaseDeadlineApproaching(
                caseId, UUID.randomUUID(), "RIGHT_HOLDER_CONFIRMATION", "EU-608-23-1-RIGHT-HOLDER",
                "Regulation (EU) No 608/2013, Art. 23(1)", java.time.LocalDate.of(2025, 3, 17), Instant.now(),
                List.of(brand), "FR", "FRLEH", Instant.now()));
        assertConforms(EventTypes.CASE_DEADLINE_MISSED, new org.openipm.events.cases.CaseDeadlineMissed(
                caseId, UUID.randomUUID(), "DECLARANT_OBJECTION", "EU-608-23-1-DECLARANT",
                "Regulation (EU) No 608/2013, Art. 23(1)(c)", java.time.LocalDate.of(2025, 3, 17), Instant.now(),
                List.of(), "FR", "FRLEH", Instant.now()));
        java.time.LocalDate day = java.time.LocalDate.of(2025, 3, 17);
        UUID deadline = UUID.randomUUID();
        assertConforms(EventTypes.CASE_DEADLINE_STARTED, new org.openipm.events.cases.CaseDeadlineStarted(caseId,
                deadline, "IMPORTER_NOTICE", "US-19CFR-133.21-NOTICE", "19 CFR 133.21(b)", "GOODS_DETAINED",
                Instant.now(), day, Instant.now(), List.of(customs), "US", "USNYC"));
        assertConforms(EventTypes.CASE_DEADLINE_EXTENDED, new org.openipm.events.cases.CaseDeadlineExtended(caseId,
                deadline, "RESTRICTED_DETENTION", "US-19CFR-133.25-RESTRICTED", "19 CFR 133.25(a)", day,
                day.plusDays(45), Instant.now(), 45, 2, "good cause shown", customs, Instant.now()));
        assertConforms(EventTypes.CASE_DEADLINE_ENDED, new org.openipm.events.cases.CaseDeadlineEnded(caseId,
                deadline, "IMPORTER_NOTICE", "US-19CFR-133.21-NOTICE", "MET", "IMPORTER_NOTIFIED", Instant.now()));
        assertConforms(EventTypes.CASE_PROCEDURE_EVENT_RECORDED,
                new org.openipm.events.cases.CaseProcedureEventRecorded(caseId, "IMPORTER_NOTIFIED", customs, null,
                        Instant.now()));
        assertConforms(EventTypes.CASE_TIMELINE_CORRECTED, new org.openipm.events.cases.CaseTimelineCorrected(caseId,
                2, 1, brand, Instant.now()));
        assertConforms(EventTypes.CASE_DOSSIER_EXPORTED, new org.openipm.events.cases.CaseDossierExported(caseId,
                customs, "kid", "0".repeat(64), Instant.now()));
    }

    @Test
    void aDeadlineEndsOnlyMetOrCancelledAndAProcedureEventIsOneOfThoseTheClocksKnow() {
        ObjectNode ended = EventSchemas.sample(EventTypes.CASE_DEADLINE_ENDED).deepCopy();
        ended.put("state", "MISSED");
        ObjectNode recorded = EventSchemas.sample(EventTypes.CASE_PROCEDURE_EVENT_RECORDED).deepCopy();
        recorded.put("event", "GOODS_DETAINED");

        assertThat(schemas.violations(ended, schemas.root(EventSchemas.fileOf(EventTypes.CASE_DEADLINE_ENDED))))
                .containsExactly("$.state: \"MISSED\" is not one of [\"MET\",\"CANCELLED\"]");
        assertThat(schemas.violations(recorded,
                schemas.root(EventSchemas.fileOf(EventTypes.CASE_PROCEDURE_EVENT_RECORDED)))).hasSize(1);
    }

    @Test
    void aVerdictOutsideTheNormalisedOnesIsRejected() {
        ObjectNode event = EventSchemas.sample(EventTypes.AUTHENTICATION_COMPLETED).deepCopy();
        event.put("verdict", "MAYBE");

        assertThat(schemas.violations(event, schemas.root(EventSchemas.fileOf(EventTypes.AUTHENTICATION_COMPLETED))))
                .containsExactly("$.verdict: \"MAYBE\" is not one of "
                        + "[\"GENUINE\",\"SUSPECT\",\"COUNTERFEIT\",\"UNKNOWN\",\"ERROR\"]");
    }

    @Test
    void optionalFieldsLeftEmptyStillConform() {
        ProductSnapshot bare = new ProductSnapshot(UUID.randomUUID(), "acme", "Acme", List.of(), "SKU-1", "Pill",
                "PHARMACEUTICALS", null, "DRAFT", 0, List.of(), List.of(),
                List.of(new ProductSnapshot.CodePattern("p1", "^AC[0-9]{6}$", null)),
                List.of(new ProductSnapshot.Feature("GENUINE", "Hologram", null, null, null, "OVERT")),
                List.of(new ProductSnapshot.TradePartner("MANUFACTURER", "Acme Pharma", null)),
                List.of(new ProductSnapshot.Contact("*", null, null, "Desk", null, null, null, false)),
                List.of(), Instant.now(), null);
        assertConforms(EventTypes.PRODUCT_DRAFTED, new ProductDrafted(bare));
        assertConforms(EventTypes.PRODUCT_VIEWED, new ProductViewed(UUID.randomUUID(), bare.productId(), "acme",
                "admin-1", null, null, "9520123456788", Instant.now()));
        assertConforms(EventTypes.AUTHENTICATION_REQUESTED, new AuthenticationRequested(UUID.randomUUID(), "ABC-1",
                "UNKNOWN", null, null, List.of(), null, "fr-customs", "FR",
                new AuthenticationRequested.Place("FR", null, null, null), Instant.now()));
        assertConforms(EventTypes.AUTHENTICATION_COMPLETED, new AuthenticationCompleted(UUID.randomUUID(), "UNKNOWN",
                null, false, "no provider covers this product",
                new AuthenticationCompleted.Evidence(null, List.of(), List.of()), null, null, null, null, null, null,
                null, "fr-customs", "FR", Instant.now(), Instant.now()));
    }

    @Test
    void aSnapshotWrittenBeforeVerifiedGtinsExistedStillReadsAndVerifiesNothing() throws Exception {
        ObjectNode older = EventSchemas.sample(EventTypes.PRODUCT_PUBLISHED).deepCopy();
        ((ObjectNode) older.get("product")).remove("verifiedGtins");

        assertThat(schemas.violations(older, schemas.root(EventSchemas.fileOf(EventTypes.PRODUCT_PUBLISHED))))
                .isEmpty();
        ProductSnapshot read = JSON.treeToValue(older, ProductPublished.class).product();
        assertThat(read.gtins()).containsExactly("09520123456788");
        assertThat(read.verifies("09520123456788")).isFalse();
    }

    @Test
    void anEventWhoseStatusContradictsItsTypeIsRejected() {
        JsonNode event = JSON.valueToTree(new ProductPublished(snapshot("RETIRED")));

        assertThat(schemas.violations(event, schemas.root(EventSchemas.fileOf(EventTypes.PRODUCT_PUBLISHED))))
                .containsExactly("$.product.status: \"RETIRED\" is not \"PUBLISHED\"");
    }

    @Test
    void malformedValuesAreRejected() {
        ProductSnapshot good = snapshot("PUBLISHED");
        ProductSnapshot bad = new ProductSnapshot(good.productId(), good.brandId(), good.brandName(),
                good.brandCompanyPrefixes(), good.sku(), good.name(), good.category(), good.description(), "LIVE",
                good.version(), List.of("9520123456788"), List.of(new ProductSnapshot.TacRange("3569", "35690000")),
                good.codePatterns(), List.of(new ProductSnapshot.Feature("FAKE", "x", null, null, null, "OVERT")),
                good.tradePartners(), good.contacts(), good.imageIds(), good.changedAt(), List.of("9520123456788"));

        List<String> violations = schemas.violations(JSON.valueToTree(new ProductPublished(bad)),
                schemas.root(EventSchemas.fileOf(EventTypes.PRODUCT_PUBLISHED)));

        assertThat(violations).contains(
                "$.product.status: \"LIVE\" is not one of [\"DRAFT\",\"PUBLISHED\",\"RETIRED\"]",
                "$.product.gtins[0]: \"9520123456788\" does not match ^\\d{14}$",
                "$.product.verifiedGtins[0]: \"9520123456788\" does not match ^\\d{14}$",
                "$.product.tacRanges[0].firstTac: \"3569\" does not match ^\\d{8}$",
                "$.product.features[0].kind: \"FAKE\" is not one of [\"GENUINE\",\"SECURITY\"]");
    }

    private void assertConforms(String type, Record event) {
        JsonNode json = JSON.valueToTree(event);
        assertThat(schemas.violations(json, schemas.root(EventSchemas.fileOf(type)))).as(type).isEmpty();
    }

    /**
     * Walks a record and its schema side by side: same property names, primitives required, and each Java type
     * matched by a JSON type, through nested records and lists.
     */
    private void compare(Class<?> record, Located schema, String path, List<String> drift) {
        Located object = schemas.resolve(schema);
        Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c));
        Set<String> properties = EventSchemas.propertyNames(object);
        List<String> onlyInRecord = components.keySet().stream().filter(n -> !properties.contains(n)).sorted().toList();
        List<String> onlyInSchema = properties.stream().filter(n -> !components.containsKey(n)).sorted().toList();
        if (!onlyInRecord.isEmpty()) {
            drift.add(path + ": record components " + onlyInRecord + " are not schema properties");
        }
        if (!onlyInSchema.isEmpty()) {
            drift.add(path + ": schema properties " + onlyInSchema + " are not record components");
        }
        Set<String> required = EventSchemas.required(object);
        required.stream().filter(n -> !properties.contains(n))
                .forEach(n -> drift.add(path + ": required " + n + " is not a property"));
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            if (!properties.contains(name)) {
                continue;
            }
            if (component.getType().isPrimitive() && !required.contains(name)) {
                drift.add(path + "." + name + ": a primitive is always written, so it must be required");
            }
            compareType(component.getGenericType(), schemas.property(object, name), path + "." + name, drift);
        }
    }

    private void compareType(Type javaType, Located schema, String path, List<String> drift) {
        Located resolved = schemas.resolve(schema);
        Set<String> types = EventSchemas.types(resolved);
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        String format = resolved.node().path("format").asText(null);
        if (raw == String.class) {
            expect(types, "string", null, format, path, drift);
        } else if (raw == UUID.class) {
            expect(types, "string", "uuid", format, path, drift);
        } else if (raw == Instant.class) {
            expect(types, "string", "date-time", format, path, drift);
        } else if (raw == java.time.LocalDate.class) {
            expect(types, "string", "date", format, path, drift);
        } else if (raw == long.class || raw == int.class || raw == Long.class || raw == Integer.class) {
            expect(types, "integer", null, format, path, drift);
        } else if (raw == double.class || raw == Double.class) {
            expect(types, "number", null, format, path, drift);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(types, "boolean", null, format, path, drift);
        } else if (raw.isEnum()) {
            expect(types, "string", null, format, path, drift);
            Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toSet());
            Set<String> allowed = new HashSet<>();
            resolved.node().path("enum").forEach(v -> allowed.add(v.asText()));
            if (!allowed.equals(constants)) {
                drift.add(path + ": enum " + allowed + " differs from " + raw.getSimpleName() + " " + constants);
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            expect(types, "array", null, format, path, drift);
            Type element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
            compareType(element, schemas.items(resolved), path + "[]", drift);
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(types, "object", null, format, path, drift);
            Type value = ((ParameterizedType) javaType).getActualTypeArguments()[1];
            compareType(value, schemas.additionalProperties(resolved), path + "{}", drift);
        } else if (raw.isRecord()) {
            expect(types, "object", null, format, path, drift);
            compare(raw, resolved, path, drift);
        } else {
            drift.add(path + ": " + raw.getName() + " has no JSON mapping in this test yet; add one");
        }
    }

    private static void expect(Set<String> types, String type, String format, String actualFormat, String path,
            List<String> drift) {
        if (!types.contains(type)) {
            drift.add(path + ": schema type " + types + " should include " + type);
        }
        if (format != null && !format.equals(actualFormat)) {
            drift.add(path + ": schema format " + actualFormat + " should be " + format);
        }
    }

    private static List<String> eventTypeConstants() throws IllegalAccessException {
        List<String> types = new ArrayList<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                types.add((String) field.get(null));
            }
        }
        return types;
    }

    /** The sample snapshot with another status. */
    static ProductSnapshot snapshot(String status) {
        ObjectNode product = EventSchemas.sample(EventTypes.PRODUCT_PUBLISHED).get("product").deepCopy();
        product.put("status", status);
        try {
            return JSON.treeToValue(product, ProductSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a sample leaves something out: it would then not show that a filled value conforms. */
    private static List<String> nullsAndEmptyLists(JsonNode node, String at) {
        List<String> found = new ArrayList<>();
        if (node.isNull() || (node.isArray() && node.isEmpty())) {
            found.add(at);
        }
        if (node.isObject()) {
            node.properties().forEach(field -> found.addAll(nullsAndEmptyLists(field.getValue(), at + "." + field.getKey())));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(nullsAndEmptyLists(node.get(i), at + "[" + i + "]"));
            }
        }
        return found;
    }
}
