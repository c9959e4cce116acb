package org.openipm.platform.events;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An event a consumer has already applied; every service's first migration creates this table in its schema. */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent {
    @Id
    public UUID eventId;
    @Id
    public String consumer;
    public Instant processedAt;

    public record Key(UUID eventId, String consumer) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
