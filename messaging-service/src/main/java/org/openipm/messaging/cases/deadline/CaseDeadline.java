package org.openipm.messaging.cases.deadline;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.openipm.messaging.cases.rules.ClockStart;
import org.openipm.messaging.cases.rules.Deadline;
import org.openipm.messaging.cases.rules.DeadlineKind;
import org.openipm.messaging.cases.rules.DeadlineKind.DeadlineParty;
import org.openipm.messaging.cases.rules.Office;

/** A legal deadline of a case as stored: computed once by LegalClock, moved only by an extension. */
@Entity
@Table(name = "case_deadline")
public class CaseDeadline {
    @Id
    public UUID id;
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public DeadlineKind kind;
    public String ruleId;
    public String citation;
    @Enumerated(EnumType.STRING)
    public DeadlineParty mustAct;
    @Enumerated(EnumType.STRING)
    public ClockStart startedBy;
    public Instant startedAt;
    public String officeCountry;
    public String officeRegion;
    public String officeZone;
    public LocalDate lastDay;
    public Instant dueAt;
    public Instant approachingFrom;
    public int extensions;
    @Enumerated(EnumType.STRING)
    public DeadlineState state;
    public Instant endedAt;
    public Instant approachingNoticedAt;
    public Instant missedNoticedAt;

    public static CaseDeadline of(UUID caseId, ClockStart startedBy, Deadline computed, Instant approachingFrom) {
        CaseDeadline stored = new CaseDeadline();
        stored.id = UUID.randomUUID();
        stored.caseId = caseId;
        stored.kind = computed.kind();
        stored.mustAct = computed.kind().mustAct();
        stored.startedBy = startedBy;
        stored.officeCountry = computed.office().country();
        stored.officeRegion = computed.office().region();
        stored.officeZone = computed.office().zone().getId();
        stored.state = DeadlineState.OPEN;
        stored.apply(computed, approachingFrom);
        return stored;
    }

    /** Takes the computed period (first computation or an extension). */
    public void apply(Deadline computed, Instant approachingFrom) {
        ruleId = computed.ruleId();
        citation = computed.citation();
        startedAt = computed.startedAt();
        lastDay = computed.lastDay();
        dueAt = computed.dueAt();
        extensions = computed.extensionsGranted();
        this.approachingFrom = approachingFrom;
    }

    /** The pure rules' view of it, for extending it or finding when it approaches. */
    public Deadline asDeadline() {
        return new Deadline(ruleId, kind, new Office(officeCountry, officeRegion, ZoneId.of(officeZone)), startedAt,
                lastDay, dueAt, extensions, citation);
    }
}
