package org.openipm.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openipm.events.authentication.AuthenticationCompleted;
import org.openipm.events.authentication.AuthenticationRequested;
import org.openipm.events.product.ProductDrafted;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductRetired;
import org.openipm.events.product.ProductViewed;

/**
 * The JSON Schemas of {@code src/main/resources/schemas}, read from the classpath as consumers would get them, with
 * just enough of a validator for the keywords these schemas use. A full validator library would be one more
 * dependency to keep; the checks here are the ones that catch drift between a record and its schema.
 */
final class EventSchemas {

    static final String ID_BASE = EventSchemaFiles.ID_BASE;
    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    /** Every CloudEvents type and the record that is its payload; the tests check it covers {@link EventTypes}. */
    static final Map<String, Class<? extends Record>> PAYLOADS = Map.ofEntries(
            Map.entry(EventTypes.ALERT_RAISED, org.openipm.events.alerts.AlertRaised.class),
            Map.entry(EventTypes.PRODUCT_DRAFTED, ProductDrafted.class),
            Map.entry(EventTypes.PRODUCT_PUBLISHED, ProductPublished.class),
            Map.entry(EventTypes.PRODUCT_RETIRED, ProductRetired.class),
            Map.entry(EventTypes.PRODUCT_VIEWED, ProductViewed.class),
            Map.entry(EventTypes.AUTHENTICATION_REQUESTED, AuthenticationRequested.class),
            Map.entry(EventTypes.AUTHENTICATION_COMPLETED, AuthenticationCompleted.class),
            Map.entry(EventTypes.SHIPMENT_FLAGGED, org.openipm.events.cases.ShipmentFlagged.class),
            Map.entry(EventTypes.CASE_OPENED, org.openipm.events.cases.CaseOpened.class),
            Map.entry(EventTypes.CASE_LINKED, org.openipm.events.cases.CaseLinked.class),
            Map.entry(EventTypes.CASE_PARTICIPANT_INVITED, org.openipm.events.cases.CaseParticipantInvited.class),
            Map.entry(EventTypes.CASE_STATUS_CHANGED, org.openipm.events.cases.CaseStatusChanged.class),
            Map.entry(EventTypes.CASE_MESSAGE_POSTED, org.openipm.events.cases.CaseMessagePosted.class),
            Map.entry(EventTypes.CASE_DEADLINE_APPROACHING, org.openipm.events.cases.CaseDeadlineApproaching.class),
            Map.entry(EventTypes.CASE_DEADLINE_MISSED, org.openipm.events.cases.CaseDeadlineMissed.class),
            Map.entry(EventTypes.SEIZURE_REPORTED, org.openipm.events.seizures.SeizureReported.class),
            Map.entry(EventTypes.CASE_INFRINGER_MATCHED, org.openipm.events.cases.CaseInfringerMatched.class),
            Map.entry(EventTypes.INFRINGER_LISTED, org.openipm.events.infringers.InfringerListed.class),
            Map.entry(EventTypes.INFRINGER_DELISTED, org.openipm.events.infringers.InfringerDelisted.class),
            Map.entry(EventTypes.CASE_DEADLINE_STARTED, org.openipm.events.cases.CaseDeadlineStarted.class),
            Map.entry(EventTypes.CASE_DEADLINE_EXTENDED, org.openipm.events.cases.CaseDeadlineExtended.class),
            Map.entry(EventTypes.CASE_DEADLINE_ENDED, org.openipm.events.cases.CaseDeadlineEnded.class),
            Map.entry(EventTypes.CASE_PROCEDURE_EVENT_RECORDED, org.openipm.events.cases.CaseProcedureEventRecorded.class),
            Map.entry(EventTypes.CASE_TIMELINE_CORRECTED, org.openipm.events.cases.CaseTimelineCorrected.class),
            Map.entry(EventTypes.CASE_DOSSIER_EXPORTED, org.openipm.events.cases.CaseDossierExported.class),
            Map.entry(EventTypes.CASE_SEIZURE_ATTACHED, org.openipm.events.cases.CaseSeizureAttached.class),
            Map.entry(EventTypes.SEIZURE_MATCHED, org.openipm.events.seizures.SeizureMatched.class),
            Map.entry(EventTypes.SEIZURE_INFRINGER_MATCHED,
                    org.openipm.events.seizures.SeizureInfringerMatched.class));

    /** Schemas that no event type names directly, only through {@code $ref}. */
    static final List<String> SHARED = List.of("product-snapshot.v1.schema.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** A schema node and the document it sits in, against which its local {@code $ref}s resolve. */
    record Located(JsonNode node, JsonNode document) {
    }

    private final Map<String, JsonNode> byId = new LinkedHashMap<>();
    private final Map<String, JsonNode> byFile = new LinkedHashMap<>();

    EventSchemas() {
        for (String type : PAYLOADS.keySet()) {
            load(fileOf(type));
        }
        SHARED.forEach(this::load);
    }

    static String fileOf(String eventType) {
        return EventSchemaFiles.fileOf(eventType);
    }

    /**
     * The sample event of a type in {@code src/test/resources/sample-events}: every field filled, exactly what its
     * record writes. test-infrastructure's EventSchemaValidatorTest reads the same files, so there is one set.
     */
    static String sampleOf(String eventType) {
        return fileOf(eventType).replace(".schema.json", ".json");
    }

    static JsonNode sample(String eventType) {
        return read("/sample-events/" + sampleOf(eventType));
    }

    static String factOf(String eventType) {
        String[] parts = eventType.split("\\.");
        return parts[parts.length - 2];
    }

    static JsonNode read(String resource) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode load(String file) {
        JsonNode document = read("/schemas/" + file);
        byId.put(document.path("$id").asText(), document);
        byFile.put(file, document);
        return document;
    }

    JsonNode document(String file) {
        JsonNode document = byFile.get(file);
        return document != null ? document : load(file);
    }

    Located root(String file) {
        JsonNode document = document(file);
        return new Located(document, document);
    }

    /** Follows {@code $ref}s until a schema without one; relative references resolve against the document's $id. */
    Located resolve(Located schema) {
        Located current = schema;
        while (current.node().has("$ref")) {
            String ref = current.node().get("$ref").asText();
            int hash = ref.indexOf('#');
            String address = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode document = current.document();
            if (!address.isEmpty()) {
                String base = document.path("$id").asText();
                String absolute = address.contains("://") ? address : base.substring(0, base.lastIndexOf('/') + 1) + address;
                document = byId.get(absolute);
                if (document == null) {
                    throw new IllegalStateException("$ref " + ref + " names no known schema (" + absolute + ")");
                }
            }
            JsonNode target = document.at(pointer);
            if (target.isMissingNode()) {
                throw new IllegalStateException("$ref " + ref + " points at nothing");
            }
            current = new Located(target, document);
        }
        return current;
    }

    Located property(Located object, String name) {
        return new Located(object.node().path("properties").path(name), object.document());
    }

    Located additionalProperties(Located object) {
        return new Located(object.node().path("additionalProperties"), object.document());
    }

    Located items(Located array) {
        return new Located(array.node().path("items"), array.document());
    }

    static Set<String> propertyNames(Located object) {
        Set<String> names = new LinkedHashSet<>();
        object.node().path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> required(Located object) {
        Set<String> names = new LinkedHashSet<>();
        object.node().path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    static Set<String> types(Located schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.node().path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    /**
     * What is wrong with an instance, strictly: a property the schema does not declare counts as an error here,
     * because this checks what our own producers write, even though the schemas stay open for consumers.
     */
    List<String> violations(JsonNode instance, Located schema) {
        List<String> found = new ArrayList<>();
        check(instance, schema, "$", found);
        return found;
    }

    private void check(JsonNode value, Located schema, String at, List<String> found) {
        JsonNode s = schema.node();
        if (s.has("$ref")) {
            check(value, resolve(schema), at, found);
        }
        Set<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(t -> is(value, t))) {
            found.add(at + ": " + value.getNodeType() + " is not " + types);
            return;
        }
        if (s.has("const") && !s.get("const").equals(value)) {
            found.add(at + ": " + value + " is not " + s.get("const"));
        }
        if (s.has("enum") && !contains(s.get("enum"), value)) {
            found.add(at + ": " + value + " is not one of " + s.get("enum"));
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(text).find()) {
                found.add(at + ": \"" + text + "\" does not match " + s.get("pattern").asText());
            }
            if (s.has("minLength") && text.codePointCount(0, text.length()) < s.get("minLength").asInt()) {
                found.add(at + ": \"" + text + "\" is shorter than " + s.get("minLength").asInt());
            }
            if (s.has("format") && !hasFormat(text, s.get("format").asText())) {
                found.add(at + ": \"" + text + "\" is not a " + s.get("format").asText());
            }
        }
        if (value.isNumber() && s.has("minimum") && value.decimalValue().compareTo(s.get("minimum").decimalValue()) < 0) {
            found.add(at + ": " + value + " is below " + s.get("minimum"));
        }
        if (value.isArray() && s.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), items(schema), at + "[" + i + "]", found);
            }
        }
        if (value.isObject()) {
            for (String name : required(schema)) {
                if (!value.has(name)) {
                    found.add(at + ": required property " + name + " is missing");
                }
            }
            boolean declaresObject = types.contains("object");
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (s.path("properties").has(name)) {
                    check(value.get(name), property(schema, name), at + "." + name, found);
                } else if (s.path("additionalProperties").isObject()) {
                    // A map: its keys are free, each value follows the one schema.
                    check(value.get(name), additionalProperties(schema), at + "." + name, found);
                } else if (declaresObject) {
                    found.add(at + ": property " + name + " is not in the schema");
                }
            }
        }
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("unknown JSON Schema type " + type);
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasFormat(String text, String format) {
        switch (format) {
            case "uuid":
                return UUID.matcher(text).matches();
            case "date-time":
                try {
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text);
                    return true;
                } catch (DateTimeParseException e) {
                    return false;
                }
            case "date":
                try {
                    DateTimeFormatter.ISO_LOCAL_DATE.parse(text);
                    return true;
                } catch (DateTimeParseException e) {
                    return false;
                }
            case "email":
                return text.matches("^[^@\\s]+@[^@\\s]+$");
            default:
                throw new IllegalStateException("format " + format + " is not checked yet: add it here");
        }
    }
}
