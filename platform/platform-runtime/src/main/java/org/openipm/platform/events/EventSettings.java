package org.openipm.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the platform's producers and consumers share: who this service is on Kafka, and producer batching. */
@ConfigMapping(prefix = "openipm.events")
public interface EventSettings {

    /**
     * The service's name in events: their source ({@code /openipm/<service>}), its dead-letter topics
     * ({@code <topic>.dlq.<service>}), client ids and the outbox relay's lock.
     */
    @WithDefault("${quarkus.application.name}")
    String service();

    /**
     * How long the event producer waits to fill a batch: a service publishing many small, non-urgent events (the
     * lookups' product-viewed) trades a few milliseconds of delay for far fewer broker requests.
     */
    @WithDefault("1")
    int lingerMs();
}
