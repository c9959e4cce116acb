package org.openipm.messaging.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The shipment of {@code caseId} is also the shipment of {@code linkedCaseId} (same identifier, other office). */
@Entity
@Table(name = "case_link")
public class CaseLink {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID caseId;
    public UUID linkedCaseId;
    public String kind;
    public String value;
    public Instant linkedAt;

    public static CaseLink of(UUID caseId, UUID linkedCaseId, String kind, String value, Instant at) {
        CaseLink link = new CaseLink();
        link.caseId = caseId;
        link.linkedCaseId = linkedCaseId;
        link.kind = kind;
        link.value = value;
        link.linkedAt = at;
        return link;
    }
}
