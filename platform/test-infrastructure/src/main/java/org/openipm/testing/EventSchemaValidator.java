package org.openipm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.openipm.events.EventSchemaFiles;

/**
 * Validates event payloads against the JSON Schemas shipped in the event-contracts jar with networknt's validator,
 * independent of the contract module's own checks: schemas are found by their {@code $id}, read from the classpath,
 * never fetched from the network; formats (uuid, date-time, email) are asserted.
 */
final class EventSchemaValidator {

    /**
     * networknt's {@code email} format also demands a top-level domain from IANA's list, which refuses the reserved
     * test domains ({@code .example}, RFC 2606) that the services accept through Bean Validation's {@code @Email};
     * the schemas mean the RFC 5321 mailbox syntax only, checked here as such.
     */
    private static final Pattern MAILBOX = Pattern.compile("^[^\\s@]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012()).format(new Format() {
                @Override
                public String getName() {
                    return "email";
                }

                @Override
                public boolean matches(ExecutionContext context, String value) {
                    return MAILBOX.matcher(value).matches();
                }
            }).build(),
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false))
                    .schemas(iri -> iri.startsWith(EventSchemaFiles.ID_BASE)
                            ? resource("/" + EventSchemaFiles.FOLDER + iri.substring(EventSchemaFiles.ID_BASE.length()))
                            : null));

    private EventSchemaValidator() {
    }

    /** What is wrong with the payload of an event of this CloudEvents type; empty when it conforms. */
    static List<String> violations(String eventType, JsonNode payload) {
        String file;
        try {
            file = EventSchemaFiles.fileOf(eventType);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        if (resource(EventSchemaFiles.resourceOf(eventType)) == null) {
            return List.of("no schema " + file + " in event-contracts for type " + eventType);
        }
        return SCHEMAS.getSchema(SchemaLocation.of(EventSchemaFiles.ID_BASE + file)).validate(payload).stream()
                .map(Error::toString).toList();
    }

    private static String resource(String path) {
        try (InputStream in = EventSchemaFiles.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
