package org.openipm.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be relayed; its row commits or rolls back with the change that caused it. A row the broker
 * keeps refusing (too large, invalid topic, ...) is parked: {@code parkedAt} set, {@code lastError} saying why.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID eventId;
    public String topic;
    @Column(name = "event_key")
    public String key;
    @Column(name = "event_type")
    public String type;
    public String payload;
    public Instant occurredAt;
    public int attempts;
    public String lastError;
    public Instant parkedAt;
}
