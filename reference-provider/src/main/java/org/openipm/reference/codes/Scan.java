package org.openipm.reference.codes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One judged query of an issued code: who asked (the authority, never the officer), where and when. */
@Entity
public class Scan {
    @Id
    public UUID id;
    public UUID codeId;
    public UUID requestId;
    public String authority;
    public String country;
    public String office;
    public Double latitude;
    public Double longitude;
    public Instant scannedAt;
    public Instant receivedAt;
}
