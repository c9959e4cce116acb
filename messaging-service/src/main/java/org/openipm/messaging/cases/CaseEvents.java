package org.openipm.messaging.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.cases.CaseDeadlineApproaching;
import org.openipm.events.cases.CaseDeadlineEnded;
import org.openipm.events.cases.CaseDeadlineExtended;
import org.openipm.events.cases.CaseDeadlineStarted;
import org.openipm.events.cases.CaseDossierExported;
import org.openipm.events.cases.CaseDeadlineMissed;
import org.openipm.events.cases.CaseLinked;
import org.openipm.events.cases.CaseMessagePosted;
import org.openipm.events.cases.CaseOpened;
import org.openipm.events.cases.CaseParticipantInvited;
import org.openipm.events.cases.CaseParty;
import org.openipm.events.cases.CaseProcedureEventRecorded;
import org.openipm.events.cases.CaseStatusChanged;
import org.openipm.events.cases.CaseTimelineCorrected;
import org.openipm.messaging.cases.deadline.CaseDeadline;
import org.openipm.messaging.cases.deadline.DeadlineState;
import org.openipm.messaging.cases.rules.ProcedureStep;
import org.openipm.events.cases.CaseSeizureAttached;
import org.openipm.messaging.cases.timeline.CaseTimeline;
import org.openipm.messaging.cases.timeline.TimelineKind;
import org.openipm.platform.outbox.Outbox;

/**
 * Records a change of a case twice, in the change's transaction: its case-events record in the outbox (keyed by case
 * id, so one case's events stay in order) and its entry on the case's timeline, so the two never disagree.
 */
@ApplicationScoped
public class CaseEvents {

    /** Brands never see which other cases hold the same shipment. */
    private static final Optional<List<String>> NO_BRAND = Optional.of(List.of());
    private static final Optional<List<String>> EVERY_BRAND = Optional.empty();

    private final Outbox outbox;
    private final CaseTimeline timeline;

    public CaseEvents(Outbox outbox, CaseTimeline timeline) {
        this.outbox = outbox;
        this.timeline = timeline;
    }

    public void opened(ShipmentCase shipmentCase, List<String> brandIds) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_OPENED, shipmentCase.openedAt,
                new CaseOpened(shipmentCase.id, shipmentCase.status.name(), shipmentCase.authority,
                        shipmentCase.country, shipmentCase.office, shipmentCase.transportMode, brandIds,
                        shipmentCase.openedAt));
        timeline.append(shipmentCase.id, shipmentCase.openedAt, TimelineKind.OPENED,
                CaseParty.authority(shipmentCase.authority),
                "Shipment flagged at " + shipmentCase.office + " (" + shipmentCase.country + ")",
                Map.of("status", shipmentCase.status.name(), "office", shipmentCase.office,
                        "transportMode", shipmentCase.transportMode),
                EVERY_BRAND);
    }

    /** One record for the case, naming the other case and who holds it. */
    public void linked(ShipmentCase shipmentCase, ShipmentCase other, String kind, String value, Instant at) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_LINKED, at,
                new CaseLinked(shipmentCase.id, other.id, kind, value, other.authority, other.country, other.office,
                        at));
        timeline.appendBySystem(shipmentCase.id, at, TimelineKind.LINKED,
                "Same shipment flagged by " + other.authority + " (" + other.country + ") under " + kind + " "
                        + value,
                Map.of("linkedCaseId", other.id.toString(), "identifierKind", kind, "identifier", value,
                        "authority", other.authority, "country", other.country),
                NO_BRAND);
    }

    public void invited(ShipmentCase shipmentCase, String invitedAuthority, String country, String invitedBy,
            Instant at) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_PARTICIPANT_INVITED, at,
                new CaseParticipantInvited(shipmentCase.id, invitedAuthority, country, invitedBy, at));
        timeline.append(shipmentCase.id, at, TimelineKind.PARTICIPANT_INVITED, CaseParty.authority(invitedBy),
                invitedBy + " invited " + invitedAuthority + " (" + country + ")",
                Map.of("authority", invitedAuthority, "country", country), EVERY_BRAND);
    }

    /**
     * A message posted in the case's thread. Its timeline entry is read by the brands the message involves only
     * ({@code brands}: its author or its addressee; empty: authorities only), as the message itself.
     */
    public void messagePosted(CaseMessagePosted message, String summary, Map<String, Object> details,
            List<String> brands) {
        outbox.record(Topics.CASE_EVENTS, message.caseId().toString(), EventTypes.CASE_MESSAGE_POSTED,
                message.postedAt(), message);
        timeline.append(message.caseId(), message.postedAt(), TimelineKind.MESSAGE_POSTED, message.postedBy(),
                summary, details, Optional.of(List.copyOf(brands)));
    }

    /** A move along the workflow, naming the participants of that moment; every brand participant sees it. */
    public void statusChanged(ShipmentCase shipmentCase, CaseStatus from, CaseParty changedBy, String reason,
            String legalBasis, List<String> brandIds, List<String> authorities, Instant at) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_STATUS_CHANGED, at,
                new CaseStatusChanged(shipmentCase.id, from.name(), shipmentCase.status.name(), changedBy, reason,
                        legalBasis, brandIds, authorities, at));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from.name());
        details.put("to", shipmentCase.status.name());
        details.put("legalBasis", legalBasis);
        if (reason != null) {
            details.put("reason", reason);
        }
        if (!shipmentCase.goodsFacts.isEmpty()) {
            details.put("goodsFacts", shipmentCase.goodsFacts.stream().map(Enum::name).sorted().toList());
        }
        timeline.append(shipmentCase.id, at, TimelineKind.STATUS_CHANGED, changedBy,
                changedBy.id() + " moved the case from " + from + " to " + shipmentCase.status, details, EVERY_BRAND);
    }

    /** A legal clock started; brands read its entry when it is theirs or decides the goods' fate. */
    public void deadlineStarted(ShipmentCase shipmentCase, CaseDeadline deadline, List<CaseParty> mustAct, Instant at) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_DEADLINE_STARTED, at,
                new CaseDeadlineStarted(shipmentCase.id, deadline.id, deadline.kind.name(), deadline.ruleId,
                        deadline.citation, deadline.startedBy.name(), deadline.startedAt, deadline.lastDay,
                        deadline.dueAt, mustAct, shipmentCase.country, shipmentCase.office));
        timeline.appendBySystem(shipmentCase.id, at, TimelineKind.DEADLINE_STARTED,
                deadline.kind + " runs until the end of " + deadline.lastDay + " (" + deadline.citation + ")",
                deadlineDetails(deadline), audienceOf(deadline));
    }

    /** The authority extended a deadline. */
    public void deadlineExtended(ShipmentCase shipmentCase, CaseDeadline deadline, LocalDate previousLastDay,
            int days, String justification, CaseParty by, Instant at) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_DEADLINE_EXTENDED, at,
                new CaseDeadlineExtended(shipmentCase.id, deadline.id, deadline.kind.name(), deadline.ruleId,
                        deadline.citation, previousLastDay, deadline.lastDay, deadline.dueAt, days,
                        deadline.extensions, justification, by, at));
        Map<String, Object> details = deadlineDetails(deadline);
        details.put("previousLastDay", previousLastDay.toString());
        details.put("days", days);
        details.put("justification", justification);
        timeline.append(shipmentCase.id, at, TimelineKind.DEADLINE_EXTENDED, by,
                deadline.kind + " extended by " + days + " to the end of " + deadline.lastDay, details,
                audienceOf(deadline));
    }

    /**
     * An open deadline ended before it ran out ({@code deadline.state} MET or CANCELLED), by the status the case
     * reached or the procedure step recorded ({@code endedBy}).
     */
    public void deadlineEnded(ShipmentCase shipmentCase, CaseDeadline deadline, String endedBy) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_DEADLINE_ENDED,
                deadline.endedAt, new CaseDeadlineEnded(shipmentCase.id, deadline.id, deadline.kind.name(),
                        deadline.ruleId, deadline.state.name(), endedBy, deadline.endedAt));
        Map<String, Object> details = deadlineDetails(deadline);
        details.put("state", deadline.state.name());
        details.put("endedBy", endedBy);
        timeline.appendBySystem(shipmentCase.id, deadline.endedAt, TimelineKind.DEADLINE_ENDED,
                deadline.kind + (deadline.state == DeadlineState.MET ? " met by " : " cancelled by ") + endedBy,
                details, audienceOf(deadline));
    }

    /**
     * A participant corrected a timeline entry: the correcting entry, read by whoever reads the corrected one, and
     * its record (never the text). Empty when the entry is not one of this case's.
     */
    public Optional<Long> corrected(UUID caseId, long correctedId, CaseParty by, String text, Instant at) {
        Optional<Long> entry = timeline.correct(caseId, correctedId, at, by, text);
        entry.ifPresent(id -> outbox.record(Topics.CASE_EVENTS, caseId.toString(), EventTypes.CASE_TIMELINE_CORRECTED,
                at, new CaseTimelineCorrected(caseId, id, correctedId, by, at)));
        return entry;
    }

    /** An officer exported the signed dossier; authorities read the entry (brands cannot export). */
    public void dossierExported(UUID caseId, CaseParty by, String keyId, String sha256, Instant at) {
        outbox.record(Topics.CASE_EVENTS, caseId.toString(), EventTypes.CASE_DOSSIER_EXPORTED, at,
                new CaseDossierExported(caseId, by, keyId, sha256, at));
        timeline.append(caseId, at, TimelineKind.DOSSIER_EXPORTED, by, by.id() + " exported the signed dossier",
                Map.of("keyId", keyId, "sha256", sha256), NO_BRAND);
    }

    /**
     * A reported seizure joined the case. Every participant reads the entry: it names the seizure, never its goods'
     * brands nor its parties (the record, for services, names the brands).
     */
    public void seizureAttached(CaseSeizureAttached attached, String office) {
        outbox.record(Topics.CASE_EVENTS, attached.caseId().toString(), EventTypes.CASE_SEIZURE_ATTACHED,
                attached.attachedAt(), attached);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("seizureId", attached.seizureId().toString());
        details.put("externalId", attached.externalId());
        details.put("seizedOn", attached.seizedOn().toString());
        details.put("office", office);
        details.put("caseOpened", attached.caseOpened());
        timeline.append(attached.caseId(), attached.attachedAt(), TimelineKind.SEIZURE_ATTACHED,
                CaseParty.authority(attached.authority()), "Seizure " + attached.externalId() + " of "
                        + attached.seizedOn() + " reported by " + attached.authority() + "'s customs system",
                details, EVERY_BRAND);
    }

    public void deadlineApproaching(ShipmentCase shipmentCase, CaseDeadline deadline, List<CaseParty> mustAct,
            Instant at) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_DEADLINE_APPROACHING, at,
                new CaseDeadlineApproaching(shipmentCase.id, deadline.id, deadline.kind.name(), deadline.ruleId,
                        deadline.citation, deadline.lastDay, deadline.dueAt, mustAct, shipmentCase.country,
                        shipmentCase.office, at));
        timeline.appendBySystem(shipmentCase.id, at, TimelineKind.DEADLINE_APPROACHING,
                deadline.kind + " ends at the end of " + deadline.lastDay, deadlineDetails(deadline),
                audienceOf(deadline));
    }

    public void deadlineMissed(ShipmentCase shipmentCase, CaseDeadline deadline, List<CaseParty> mustAct,
            Instant at) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_DEADLINE_MISSED, at,
                new CaseDeadlineMissed(shipmentCase.id, deadline.id, deadline.kind.name(), deadline.ruleId,
                        deadline.citation, deadline.lastDay, deadline.dueAt, mustAct, shipmentCase.country,
                        shipmentCase.office, at));
        timeline.appendBySystem(shipmentCase.id, at, TimelineKind.DEADLINE_MISSED,
                deadline.kind + " ran out at the end of " + deadline.lastDay, deadlineDetails(deadline),
                audienceOf(deadline));
    }

    /**
     * The authority recorded a procedure step outside OpenIPM. Brands see the declarant's objection (the law has
     * them told of it), never what passes between the authority and the importer.
     */
    public void procedureEventRecorded(ShipmentCase shipmentCase, ProcedureStep step, CaseParty by, String note,
            Instant at) {
        outbox.record(Topics.CASE_EVENTS, shipmentCase.id.toString(), EventTypes.CASE_PROCEDURE_EVENT_RECORDED, at,
                new CaseProcedureEventRecorded(shipmentCase.id, step.event().name(), by, note, at));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("event", step.event().name());
        details.put("legalBasis", step.legalBasis());
        if (note != null) {
            details.put("note", note);
        }
        timeline.append(shipmentCase.id, at, TimelineKind.PROCEDURE_EVENT_RECORDED, by,
                by.id() + " recorded " + step.event(), details, step.shownToRightHolder() ? EVERY_BRAND : NO_BRAND);
    }

    private static Map<String, Object> deadlineDetails(CaseDeadline deadline) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deadlineId", deadline.id.toString());
        details.put("kind", deadline.kind.name());
        details.put("rule", deadline.ruleId);
        details.put("citation", deadline.citation);
        details.put("mustAct", deadline.mustAct.name());
        details.put("lastDay", deadline.lastDay.toString());
        details.put("dueAt", deadline.dueAt.toString());
        return details;
    }

    /** Brands see the deadlines they must meet and those deciding the goods' fate, not the importer's. */
    private static Optional<List<String>> audienceOf(CaseDeadline deadline) {
        return deadline.kind.shownToRightHolder() ? EVERY_BRAND : NO_BRAND;
    }
}
