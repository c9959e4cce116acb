package org.openipm.notification.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.notification.alert.Alert;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;
import org.openipm.platform.events.BatchConsumer;

/**
 * A topic whose one event type becomes alerts: reads the payload, refuses one that lacks what the alerts need
 * (poison, dead-lettered), and stores the alerts. Exactly once per recipient without a processed-event table: an
 * alert's id comes from the source event, so a redelivery inserts nothing. Events of other types (a later version)
 * are left alone. Subclasses say which topic and type, and which alerts an event makes.
 * <p>
 * Consumed a poll at a time (platform-runtime's {@code RecordDelivery.deliverBatch}): the alerts of all the poll's
 * events are stored in one transaction, with set-based inserts.
 *
 * @param <E> the event's payload record
 */
public abstract class AlertSource<E> implements BatchConsumer<List<Alert>> {

    private final String consumer;
    private final String topic;
    private final String eventType;
    private final Class<E> payloadType;
    private final AlertStore store;
    private final ObjectMapper json;

    protected AlertSource(String consumer, String topic, String eventType, Class<E> payloadType, AlertStore store,
            ObjectMapper json) {
        this.consumer = consumer;
        this.topic = topic;
        this.eventType = eventType;
        this.payloadType = payloadType;
        this.store = store;
        this.json = json;
    }

    /** The alerts of one event, each with an id derived from {@code eventId}. */
    protected abstract List<Alert> alertsOf(UUID eventId, E payload);

    /** The reason the payload cannot make alerts, or null when it can. */
    protected abstract String missingIn(E payload);

    @Override
    public String consumerName() {
        return consumer;
    }

    @Override
    public String sourceTopic() {
        return topic;
    }

    @Override
    public Optional<List<Alert>> read(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!eventType.equals(event.type())) {
            return Optional.empty(); // a later version's event type: not ours to judge
        }
        E payload = event.payloadAs(json, payloadType);
        String missing = missingIn(payload);
        if (missing != null) {
            throw new MalformedEventException("event " + event.id() + " " + missing);
        }
        return Optional.of(alertsOf(event.id(), payload));
    }

    @Override
    public void applyAll(List<List<Alert>> read) {
        store.store(read.stream().flatMap(List::stream).toList());
    }
}
