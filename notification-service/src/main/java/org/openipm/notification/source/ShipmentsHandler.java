package org.openipm.notification.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.cases.ShipmentFlagged;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.ShipmentAlerts;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;
import org.openipm.platform.events.RedrivableConsumer;

/**
 * Turns {@code shipment-flagged} into one alert per brand participant (see {@link ShipmentAlerts}), exactly once
 * per brand: the alert's id comes from the source event, so a redelivery inserts nothing.
 */
@ApplicationScoped
public class ShipmentsHandler implements RedrivableConsumer {

    public static final String CONSUMER = "notification-service.shipments";

    private final AlertStore store;
    private final ObjectMapper json;

    public ShipmentsHandler(AlertStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String sourceTopic() {
        return Topics.SHIPMENT_FLAGGED;
    }

    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!EventTypes.SHIPMENT_FLAGGED.equals(event.type())) {
            return; // a later version's event type: not ours to judge
        }
        List<Alert> made = ShipmentAlerts.of(event.id(), flaggedOf(event));
        store.store(made);
    }

    private ShipmentFlagged flaggedOf(ReceivedEvent event) {
        ShipmentFlagged flagged = event.payloadAs(json, ShipmentFlagged.class);
        if (flagged.caseId() == null || flagged.country() == null || flagged.brandIds() == null
                || flagged.flaggedAt() == null
                || flagged.brandIds().stream().anyMatch(brand -> brand == null || brand.isBlank())) {
            throw new MalformedEventException("event " + event.id() + " has no case id, country, brands or time");
        }
        return flagged;
    }
}
