package org.openipm.testing;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openipm.events.EventSchemaFiles;

/**
 * The one loader of the event JSON Schemas for an independent validator (networknt): a schema is found by its
 * {@code $id}, read as a file beside the others (from the event-contracts jar, or from any folder), never fetched
 * from the network; formats (uuid, date-time, email) are asserted.
 */
public final class EventSchemaValidator {

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
    private static final SchemaRegistry CONTRACTS = offline(file -> resource("/" + EventSchemaFiles.FOLDER + file));

    private EventSchemaValidator() {
    }

    /**
     * Schemas read by file name through {@code files} (null: no such file): the published {@code $id} prefix
     * stands for their folder, and references resolve against the {@code $id} as the specification says.
     */
    public static SchemaRegistry offline(Function<String, String> files) {
        return SchemaRegistry.withDefaultDialect(DRAFT_2020_12_WITH_MAILBOX_SYNTAX, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemas(iri -> iri.startsWith(EventSchemaFiles.ID_BASE)
                        ? files.apply(iri.substring(EventSchemaFiles.ID_BASE.length())) : null));
    }

    /** The schema of this file name, as its {@code $id} names it. */
    public static Schema schema(SchemaRegistry registry, String file) {
        return registry.getSchema(SchemaLocation.of(EventSchemaFiles.ID_BASE + file));
    }

    /** What is wrong with the payload of an event of this CloudEvents type; empty when it conforms. */
    public static List<String> violations(String eventType, JsonNode payload) {
        String file;
        try {
            file = EventSchemaFiles.fileOf(eventType);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        if (resource(EventSchemaFiles.resourceOf(eventType)) == null) {
            return List.of("no schema " + file + " in event-contracts for type " + eventType);
        }
        return schema(CONTRACTS, file).validate(payload).stream().map(Error::toString).toList();
    }

    private static String resource(String path) {
        try (InputStream in = EventSchemaFiles.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
