package org.openipm.events;

import java.util.List;

/** Topic names shared by producers, consumers, the launcher and the tests. */
public final class Topics {

    /** Full snapshot of a product per change, keyed by product id; compacted so a consumer can rebuild from it. */
    public static final String PRODUCT_EVENTS = "product-events";
    /** ISO 22378 inspector access log entries, keyed by product id. */
    public static final String PRODUCT_VIEWED = "product-viewed";
    /** An officer's authentication request, keyed by request id; connector workers scale by its partitions. */
    public static final String AUTHENTICATION_REQUESTED = "authentication-requested";
    /** The normalised verdict of a request, keyed by request id. */
    public static final String AUTHENTICATION_COMPLETED = "authentication-completed";
    /** A suspicious shipment was flagged and a case opened, keyed by case id; names the brands concerned. */
    public static final String SHIPMENT_FLAGGED = "shipment-flagged";
    /** Everything that happens in a case, keyed by case id so that one case's events stay in order. */
    public static final String CASE_EVENTS = "case-events";
    /**
     * Seizures reported by customs systems (through messaging-service's API or written directly), keyed by
     * {@code authority/externalId}.
     */
    public static final String SEIZURE_REPORTED = "seizure-reported";
    /**
     * The brands' lists of known infringers (red flags), one record per entry change keyed by entry id; compacted,
     * so a consumer rebuilds every list from it. Apart from product-events: the entries hold names and addresses
     * of persons, which the catalogue's consumers have no use for.
     */
    public static final String BRAND_INFRINGERS = "brand-infringers";
    /** A seizure matched to the brands whose goods it holds, keyed by seizure id (messaging-service's matcher). */
    public static final String SEIZURE_MATCHED = "seizure-matched";
    /** One topic per brand: {@code alerts.<brand id>}. */
    public static final String ALERTS_PREFIX = "alerts.";

    /**
     * Partition counts are sized for independent scaling of the consumers (a consumer group cannot use more
     * instances than partitions); keyed topics keep per-key order whatever the count.
     */
    public static final List<TopicSpec> PLATFORM_TOPICS = List.of(
            new TopicSpec(PRODUCT_EVENTS, 6, true),
            new TopicSpec(PRODUCT_VIEWED, 6, false),
            new TopicSpec(AUTHENTICATION_REQUESTED, 12, false),
            new TopicSpec(AUTHENTICATION_COMPLETED, 6, false),
            new TopicSpec(SHIPMENT_FLAGGED, 6, false),
            new TopicSpec(CASE_EVENTS, 6, false),
            new TopicSpec(SEIZURE_REPORTED, 6, false),
            new TopicSpec(BRAND_INFRINGERS, 6, true),
            new TopicSpec(SEIZURE_MATCHED, 6, false));

    private Topics() {
    }

    /** The dead-letter topic of one consumer of a topic: each consuming service gets its own. */
    public static String deadLetterOf(String topic, String consumingService) {
        return topic + ".dlq." + consumingService;
    }

    public static String alertsOf(String brandId) {
        return ALERTS_PREFIX + brandId;
    }
}
