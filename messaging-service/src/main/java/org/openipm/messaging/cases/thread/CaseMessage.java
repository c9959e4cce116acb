package org.openipm.messaging.cases.thread;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openipm.events.cases.CaseParty;

/** One message of a case's thread, as written; never changed afterwards. */
@Entity
@Immutable
@Table(name = "case_message")
public class CaseMessage {
    @Id
    public UUID id;
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public MessageType type;
    public String authorKind;
    public String authorId;
    public String authorUser;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CaseParty> addressedTo;
    @JdbcTypeCode(SqlTypes.JSON)
    public MessageContent content;
    /** The one brand that may read the message (its author or its addressee); null: authorities only. */
    public String brandId;
    public Instant postedAt;

    public CaseParty author() {
        return new CaseParty(authorKind, authorId);
    }
}
