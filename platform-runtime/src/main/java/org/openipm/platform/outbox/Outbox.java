package org.openipm.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a service writes the events of a change: inside the caller's transaction, never straight to Kafka, so
 * a rolled-back change publishes nothing and a committed one cannot be lost (see {@link OutboxRelay}).
 */
@ApplicationScoped
public class Outbox implements PanacheRepository<OutboxEvent> {

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, Instant occurredAt, Object event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = topic;
        row.key = key;
        row.type = type;
        row.occurredAt = occurredAt;
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " cannot be serialised", e);
        }
        persist(row);
        return row.eventId;
    }
}
