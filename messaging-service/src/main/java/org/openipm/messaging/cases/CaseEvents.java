package org.openipm.messaging.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.cases.CaseLinked;
import org.openipm.events.cases.CaseOpened;
import org.openipm.platform.outbox.Outbox;

/** Writes the case-events records of a change to the outbox, in the change's transaction, keyed by case id. */
@ApplicationScoped
public class CaseEvents {

    private final Outbox outbox;

    public CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void opened(ShipmentCase shipmentCase, List<String> brandIds) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_OPENED, shipmentCase.openedAt,
                new CaseOpened(shipmentCase.id, shipmentCase.status.name(), shipmentCase.authority,
                        shipmentCase.country, shipmentCase.office, shipmentCase.transportMode, brandIds,
                        shipmentCase.openedAt));
    }

    /** One record for the case, naming the other case and who holds it. */
    public void linked(ShipmentCase shipmentCase, ShipmentCase other, String kind, String value, Instant at) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_LINKED, at,
                new CaseLinked(shipmentCase.id, other.id, kind, value, other.authority, other.country, other.office,
                        at));
    }
}
