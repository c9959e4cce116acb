package org.openipm.notification.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.events.cases.CaseLinked;
import org.openipm.events.cases.CaseParticipantInvited;

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

    private static List<String> countries(String country) {
        return country == null ? List.of() : List.of(country);
    }

    private static void putIfKnown(Map<String, String> facts, String name, String value) {
        if (value != null) {
            facts.put(name, value);
        }
    }
}
