package org.openipm.reference.keys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A secret the provider made itself because none was configured. */
@Entity
public class ProviderSecret {
    @Id
    public String name;
    public String value;
    public Instant createdAt;
}
