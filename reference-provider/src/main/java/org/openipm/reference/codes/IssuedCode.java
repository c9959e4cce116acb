package org.openipm.reference.codes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One serialised code this provider issued, and what its scans have shown so far. */
@Entity
public class IssuedCode {
    @Id
    public UUID id;
    public String brandId;
    public String gtin;
    public String serial;
    public Instant issuedAt;
    public int scanCount;
    public String firstSeenCountry;
    public Instant firstSeenAt;
}
