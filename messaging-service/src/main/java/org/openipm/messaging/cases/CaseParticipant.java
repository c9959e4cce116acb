package org.openipm.messaging.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One party that takes part in a case: only participants ever see it. */
@Entity
@Table(name = "case_participant")
public class CaseParticipant {

    public static final String AUTHORITY = "AUTHORITY";
    public static final String BRAND = "BRAND";
    public static final String FLAGGING = "FLAGGING";
    public static final String RIGHT_HOLDER = "RIGHT_HOLDER";
    public static final String INVITED = "INVITED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID caseId;
    public String partyKind;
    public String partyId;
    public String role;
    public Instant joinedAt;

    public static CaseParticipant of(UUID caseId, String kind, String partyId, String role, Instant at) {
        CaseParticipant participant = new CaseParticipant();
        participant.caseId = caseId;
        participant.partyKind = kind;
        participant.partyId = partyId;
        participant.role = role;
        participant.joinedAt = at;
        return participant;
    }
}
