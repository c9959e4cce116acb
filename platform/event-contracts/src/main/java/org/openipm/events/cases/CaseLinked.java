package org.openipm.events.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * The shipment of a case was also flagged under the same identifier by another office or another country's
 * authority: the two cases are linked. Published once for each of the two cases, keyed by that case's id.
 *
 * @param caseId the case this record belongs to, also the record key
 * @param linkedCaseId the other case
 * @param identifierKind CONTAINER, AIR_WAYBILL or POSTAL_ITEM (free references never link)
 * @param identifier the identifier both flagged, normalised
 * @param linkedAuthority the authority holding the other case
 * @param linkedCountry its country
 * @param linkedOffice the office of the other case
 * @param linkedAt when the link was found
 */
public record CaseLinked(
        UUID caseId,
        UUID linkedCaseId,
        String identifierKind,
        String identifier,
        String linkedAuthority,
        String linkedCountry,
        String linkedOffice,
        Instant linkedAt) {
}
