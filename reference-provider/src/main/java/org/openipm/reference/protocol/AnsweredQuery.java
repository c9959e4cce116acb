package org.openipm.reference.protocol;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A query this provider answered, by OpenIPM's request id, with the exact answer it gave. */
@Entity
public class AnsweredQuery {
    @Id
    public UUID requestId;
    public String code;
    public String answerJson;
    public Instant receivedAt;
}
