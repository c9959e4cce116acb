package org.openipm.reference.codes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A GTIN this provider issues codes for, and the brand it issues them for (the first to ask). */
@Entity
public class ServedGtin {
    @Id
    public String gtin;
    public String brandId;
    public Instant createdAt;
}
