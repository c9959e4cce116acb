package org.openipm.notification.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.events.cases.CaseDeadlineApproaching;
import org.openipm.events.cases.CaseDeadlineMissed;
import org.openipm.events.cases.CaseLinked;
import org.openipm.events.cases.CaseMessagePosted;
import org.openipm.events.cases.CaseParticipantInvited;
import org.openipm.events.cases.CaseParty;
import org.openipm.events.cases.CaseStatusChanged;

/**
 * Which alerts the records of {@code case-events} make, and for whom. {@code case.opened} makes none: the brands
 * hear of a new case from {@code shipment-flagged} (see {@link ShipmentAlerts}) and the flagging authority opened it.
 */
public final class CaseAlerts {

    private CaseAlerts() {
    }

    /** The invited authority learns it may now open the case. */
    public static List<Alert> invited(UUID sourceEventId, CaseParticipantInvited invited) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("caseId", invited.caseId().toString());
        facts.put("invitedBy", invited.invitedBy());
        facts.put("country", invited.country());
        return List.of(Alert.of(AlertType.CASE_INVITATION, Recipient.authority(invited.authority()), List.of(),
                countries(invited.country()), facts, CaseLinks.of(invited.caseId()), sourceEventId,
                invited.invitedAt()));
    }

    /**
     * The authority holding the case learns another case has the same shipment. messaging-service publishes one
     * record for each of the two cases, so the other case's holder hears of it through the other record.
     */
    public static List<Alert> linked(UUID sourceEventId, CaseLinked linked, CaseParties parties) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("caseId", linked.caseId().toString());
        facts.put("linkedCaseId", linked.linkedCaseId().toString());
        facts.put("linkedAuthority", linked.linkedAuthority());
        putIfKnown(facts, "linkedCountry", linked.linkedCountry());
        putIfKnown(facts, "linkedOffice", linked.linkedOffice());
        putIfKnown(facts, "identifierKind", linked.identifierKind());
        putIfKnown(facts, "identifier", linked.identifier());
        return List.of(Alert.of(AlertType.CASE_LINKED, Recipient.authority(parties.holder()), List.of(),
                countries(linked.linkedCountry()), facts, CaseLinks.of(linked.caseId()), sourceEventId,
                linked.linkedAt()));
    }

    /**
     * Every brand participant and participant authority learns the case's new status, except whoever made the move.
     * A brand's copy names no other brand and leaves out the actor's free-text reason, which may speak of them.
     */
    public static List<Alert> statusChanged(UUID sourceEventId, CaseStatusChanged changed) {
        List<Alert> alerts = new ArrayList<>();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("caseId", changed.caseId().toString());
        putIfKnown(facts, "from", changed.from());
        facts.put("status", changed.to());
        putIfKnown(facts, "legalBasis", changed.legalBasis());
        facts.put("changedByKind", changed.changedBy().kind());
        if (CaseParty.AUTHORITY.equals(changed.changedBy().kind())) {
            facts.put("changedBy", changed.changedBy().id());
        }
        for (String brand : new LinkedHashSet<>(changed.brandIds())) {
            if (!CaseParty.brand(brand).equals(changed.changedBy())) {
                alerts.add(Alert.of(AlertType.CASE_STATUS_CHANGED, Recipient.brand(brand), List.of(brand), List.of(),
                        facts, CaseLinks.of(changed.caseId()), sourceEventId, changed.changedAt()));
            }
        }
        Map<String, String> authorityFacts = new LinkedHashMap<>(facts);
        authorityFacts.put("changedBy", changed.changedBy().id());
        putIfKnown(authorityFacts, "reason", changed.reason());
        for (String authority : new LinkedHashSet<>(changed.authorities())) {
            if (!CaseParty.authority(authority).equals(changed.changedBy())) {
                alerts.add(Alert.of(AlertType.CASE_STATUS_CHANGED, Recipient.authority(authority),
                        changed.brandIds(), List.of(), authorityFacts, CaseLinks.of(changed.caseId()), sourceEventId,
                        changed.changedAt()));
            }
        }
        return alerts;
    }

    /**
     * Each participant a message is addressed to (its author excepted) learns there is one; the text stays in the
     * case. A brand is told which authority wrote, but never which other brand.
     */
    public static List<Alert> messagePosted(UUID sourceEventId, CaseMessagePosted posted) {
        List<Alert> alerts = new ArrayList<>();
        for (CaseParty addressee : new LinkedHashSet<>(posted.addressedTo())) {
            if (addressee.equals(posted.postedBy())) {
                continue;
            }
            Recipient recipient = recipientOf(addressee);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("caseId", posted.caseId().toString());
            facts.put("messageId", posted.messageId().toString());
            facts.put("messageType", posted.messageType());
            facts.put("postedByKind", posted.postedBy().kind());
            boolean authorOtherBrand = CaseParty.BRAND.equals(posted.postedBy().kind())
                    && recipient.kind() == Recipient.Kind.BRAND;
            if (!authorOtherBrand) {
                facts.put("postedBy", posted.postedBy().id());
            }
            facts.put("attachmentCount", Integer.toString(posted.attachmentCount()));
            List<String> brands = recipient.kind() == Recipient.Kind.BRAND ? List.of(recipient.id())
                    : CaseParty.BRAND.equals(posted.postedBy().kind()) ? List.of(posted.postedBy().id()) : List.of();
            alerts.add(Alert.of(AlertType.CASE_MESSAGE, recipient, brands, List.of(), facts,
                    CaseLinks.of(posted.caseId()), sourceEventId, posted.postedAt()));
        }
        return alerts;
    }

    /** The parties whose clock it is learn the deadline is near (WARNING). */
    public static List<Alert> deadlineApproaching(UUID sourceEventId, CaseDeadlineApproaching deadline) {
        return deadline(AlertType.DEADLINE_APPROACHING, sourceEventId, deadline.caseId(), deadline.kind(),
                deadline.ruleId(), deadline.citation(), deadline.lastDay(), deadline.dueAt(), deadline.mustAct(),
                deadline.country(), deadline.office(), deadline.noticedAt());
    }

    /** The parties whose clock it was learn it ended without their act (CRITICAL, the highest severity). */
    public static List<Alert> deadlineMissed(UUID sourceEventId, CaseDeadlineMissed deadline) {
        return deadline(AlertType.DEADLINE_MISSED, sourceEventId, deadline.caseId(), deadline.kind(),
                deadline.ruleId(), deadline.citation(), deadline.lastDay(), deadline.dueAt(), deadline.mustAct(),
                deadline.country(), deadline.office(), deadline.noticedAt());
    }

    private static List<Alert> deadline(AlertType type, UUID sourceEventId, UUID caseId, String kind, String ruleId,
            String citation, LocalDate lastDay, Instant dueAt, List<CaseParty> mustAct, String country, String office,
            Instant noticedAt) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("caseId", caseId.toString());
        facts.put("deadline", kind);
        putIfKnown(facts, "ruleId", ruleId);
        putIfKnown(facts, "citation", citation);
        if (lastDay != null) {
            facts.put("lastDay", lastDay.toString());
        }
        facts.put("dueAt", dueAt.toString());
        putIfKnown(facts, "country", country);
        putIfKnown(facts, "office", office);
        List<Alert> alerts = new ArrayList<>();
        for (CaseParty party : new LinkedHashSet<>(mustAct)) {
            Recipient recipient = recipientOf(party);
            List<String> brands = recipient.kind() == Recipient.Kind.BRAND ? List.of(recipient.id()) : List.of();
            alerts.add(Alert.of(type, recipient, brands, countries(country), facts, CaseLinks.of(caseId),
                    sourceEventId, noticedAt));
        }
        return alerts;
    }

    private static Recipient recipientOf(CaseParty party) {
        return CaseParty.BRAND.equals(party.kind()) ? Recipient.brand(party.id()) : Recipient.authority(party.id());
    }

    private static List<String> countries(String country) {
        return country == null ? List.of() : List.of(country);
    }

    private static void putIfKnown(Map<String, String> facts, String name, String value) {
        if (value != null) {
            facts.put(name, value);
        }
    }
}
