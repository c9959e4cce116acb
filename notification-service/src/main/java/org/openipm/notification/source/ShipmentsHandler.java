package org.openipm.notification.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.cases.ShipmentFlagged;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.ShipmentAlerts;

/** Turns {@code shipment-flagged} into one alert per brand participant (see {@link ShipmentAlerts}). */
@Singleton
public class ShipmentsHandler extends AlertSource<ShipmentFlagged> {

    public static final String CONSUMER = "notification-service.shipments";

    public ShipmentsHandler(AlertStore store, ObjectMapper json) {
        super(CONSUMER, Topics.SHIPMENT_FLAGGED, EventTypes.SHIPMENT_FLAGGED, ShipmentFlagged.class, store, json);
    }

    @Override
    protected List<Alert> alertsOf(UUID eventId, ShipmentFlagged flagged) {
        return ShipmentAlerts.of(eventId, flagged);
    }

    @Override
    protected String missingIn(ShipmentFlagged flagged) {
        boolean complete = flagged.caseId() != null && flagged.country() != null && flagged.brandIds() != null
                && flagged.flaggedAt() != null
                && flagged.brandIds().stream().noneMatch(brand -> brand == null || brand.isBlank());
        return complete ? null : "has no case id, country, brands or time";
    }
}
