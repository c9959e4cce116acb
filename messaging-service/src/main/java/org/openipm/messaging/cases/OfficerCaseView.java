package org.openipm.messaging.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.messaging.cases.deadline.DeadlineView;
import org.openipm.messaging.cases.timeline.TimelineEntryView;

/**
 * A case as a participant authority's officers see it: everything, links to the same shipment elsewhere and the whole
 * timeline included, and every legal deadline.
 */
public record OfficerCaseView(UUID id, CaseStatus status, Instant openedAt, String authority, String country,
        String office, String transportMode, String originCountry, String destinationCountry,
        List<IdentifierView> identifiers, List<ShipmentCase.GoodsLine> goods, ShipmentCase.Parties parties,
        String notes, String flaggedBy, List<ParticipantView> participants, List<LinkedCaseView> linkedCases,
        List<TimelineEntryView> timeline, List<String> goodsFacts, List<DeadlineView> deadlines) {

    public record IdentifierView(String kind, String value) {
    }

    public record ParticipantView(String kind, String id, String role, Instant joinedAt) {
    }

    /** The same shipment flagged elsewhere: who holds that case (its content needs an invitation). */
    public record LinkedCaseView(UUID caseId, String authority, String country, String office, String identifierKind,
            String identifier, Instant linkedAt) {
    }
}
