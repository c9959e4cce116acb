package org.openipm.messaging.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An identifier under which a case's shipment is known, normalised by its standard. */
@Entity
@Table(name = "case_identifier")
public class CaseIdentifier {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID caseId;
    public String kind;
    public String value;

    public static CaseIdentifier of(UUID caseId, String kind, String value) {
        CaseIdentifier identifier = new CaseIdentifier();
        identifier.caseId = caseId;
        identifier.kind = kind;
        identifier.value = value;
        return identifier;
    }
}
