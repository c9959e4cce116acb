package org.openipm.messaging.seizure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a posted body {@code {"seizures": [...]}} in one pass, each record straight into a {@link SeizureRecord}
 * (no JSON tree first): a record that does not read as a seizure is rejected alone, with the field at fault, and
 * the reader goes on with the next one. Only a body that is not JSON, or has no {@code seizures} array, is refused.
 */
public final class SeizureBatchReader {

    /** One record of the body: the seizure, or why it does not read as one (its external id when it has one). */
    public record Posted(SeizureRecord seizure, String externalId, String field, String reason) {

        static Posted read(SeizureRecord seizure) {
            return new Posted(seizure, seizure.externalId(), null, null);
        }

        static Posted unreadable(String externalId, String field, String reason) {
            return new Posted(null, externalId, field, reason);
        }
    }

    /** The body as a whole cannot be read: not JSON, or no array of seizures. */
    public static final class UnreadableBody extends RuntimeException {
        UnreadableBody(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ObjectMapper json;
    private final ObjectReader records;

    public SeizureBatchReader(ObjectMapper json) {
        this.json = json;
        this.records = json.readerFor(SeizureRecord.class);
    }

    /** The records of the body, in their order; {@code null} when the body has no {@code seizures} array. */
    public List<Posted> read(byte[] body) {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<Posted> posted = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("seizures".equals(name) && value == JsonToken.START_ARRAY) {
                    posted = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        posted.add(record(parser, body, posted.size()));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return posted;
        } catch (JsonProcessingException e) {
            throw new UnreadableBody("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnreadableBody("the body cannot be read: " + e.getMessage());
        }
    }

    /** Reads the record at the parser (on its first token) and leaves the parser on its last token. */
    private Posted record(JsonParser parser, byte[] body, int index) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return Posted.unreadable(null, "seizures[" + index + "]", "a seizure is a JSON object");
        }
        JsonStreamContext array = parser.getParsingContext().getParent();
        long start = parser.currentTokenLocation().getByteOffset();
        try {
            return Posted.read(records.readValue(parser));
        } catch (JsonMappingException e) {
            // Bound to fail midway: move on to the record's end, then read it again as a tree for its external id.
            while (parser.getParsingContext() != array) {
                if (parser.nextToken() == null) {
                    throw e;
                }
            }
            long end = parser.currentLocation().getByteOffset();
            String field = fieldOf(e);
            return Posted.unreadable(externalIdOf(body, start, end), field, "does not read as a seizure"
                    + (field.isEmpty() ? "" : ": " + field + " has the wrong type or is unknown"));
        }
    }

    private String externalIdOf(byte[] body, long start, long end) {
        try {
            JsonNode record = json.readTree(body, (int) start, (int) (end - start));
            return record != null && record.path("externalId").isTextual() ? record.get("externalId").asText()
                    : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads one record given as a JSON tree (a record written on the topic, an amendment). */
    public Posted read(JsonNode node) {
        String externalId = node != null && node.path("externalId").isTextual()
                ? node.get("externalId").asText() : null;
        if (node == null || !node.isObject()) {
            return Posted.unreadable(externalId, "seizures[0]", "a seizure is a JSON object");
        }
        try {
            return Posted.read(json.treeToValue(node, SeizureRecord.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof JsonMappingException mapping ? fieldOf(mapping) : "";
            return Posted.unreadable(externalId, field, "does not read as a seizure"
                    + (field.isEmpty() ? "" : ": " + field + " has the wrong type or is unknown"));
        }
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
