package org.openipm.events;

/**
 * Where the JSON Schema of an event type ships inside this jar. A schema's {@code $id} ends with its file name
 * and schemas refer to each other by file name, so the same reference resolves by {@code $id}, next to the file
 * on disk and on the classpath.
 */
public final class EventSchemaFiles {

    /** The classpath folder of the schemas, also their folder under {@code src/main/resources}. */
    public static final String FOLDER = "schemas/";
    /** The {@code $id} of a schema is this followed by its file name. */
    public static final String ID_BASE = "https://openipm.org/schemas/events/";

    private EventSchemaFiles() {
    }

    /** {@code org.openipm.product.ProductPublished.v1} is described by {@code product-published.v1.schema.json}. */
    public static String fileOf(String eventType) {
        String[] parts = eventType.split("\\.");
        if (parts.length < 3 || !parts[parts.length - 1].matches("v\\d+")) {
            throw new IllegalArgumentException("Not an OpenIPM event type: " + eventType);
        }
        String fact = parts[parts.length - 2];
        String version = parts[parts.length - 1];
        return fact.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase() + "." + version + ".schema.json";
    }

    /** The schema's classpath resource, e.g. {@code /schemas/product-viewed.v1.schema.json}. */
    public static String resourceOf(String eventType) {
        return "/" + FOLDER + fileOf(eventType);
    }
}
