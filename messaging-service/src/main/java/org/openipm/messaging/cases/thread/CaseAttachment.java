package org.openipm.messaging.cases.thread;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A file carried by a message: checked, hashed and stored with it; never changed afterwards. */
@Entity
@Immutable
@Table(name = "case_attachment")
public class CaseAttachment {
    @Id
    public UUID id;
    public UUID messageId;
    public UUID caseId;
    public int position;
    public String fileName;
    public String contentType;
    public int sizeBytes;
    public String sha256;
    public byte[] data;
    public Instant createdAt;
}
