package org.openipm.platform.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ReceivedEvent;

/**
 * Consumes gadget events as a service consumes another's: the envelope read by {@link ReceivedEvent}, the effect
 * applied once per event id; a record that cannot be read fails and goes to the dead-letter topic.
 */
@ApplicationScoped
public class GadgetEventsConsumer {

    static final String CONSUMER = "platform-test.gadgets";

    private final ProcessedEventRepository processedEvents;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public GadgetEventsConsumer(ProcessedEventRepository processedEvents, EntityManager entityManager,
            ObjectMapper json) {
        this.processedEvents = processedEvents;
        this.entityManager = entityManager;
        this.json = json;
    }

    @Incoming(GadgetMade.TOPIC)
    @Blocking
    @Transactional
    public void apply(ConsumerRecord<String, byte[]> record) throws IOException {
        ReceivedEvent event = ReceivedEvent.of(record);
        GadgetMade made = json.readValue(event.payload(), GadgetMade.class);
        if (processedEvents.firstDelivery(event.id(), CONSUMER)) {
            entityManager.createNativeQuery("insert into gadget_seen (event_id, name, sequence) values (?1, ?2, ?3)")
                    .setParameter(1, event.id()).setParameter(2, made.name()).setParameter(3, made.sequence())
                    .executeUpdate();
        }
    }
}
