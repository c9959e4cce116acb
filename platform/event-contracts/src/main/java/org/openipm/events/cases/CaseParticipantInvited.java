package org.openipm.events.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant authority invited another country's authority into a case; its officers now see the case.
 *
 * @param caseId also the record key
 * @param authority the authority invited
 * @param country its country, ISO 3166-1 alpha-2
 * @param invitedBy the participant authority that invited it
 * @param invitedAt when
 */
public record CaseParticipantInvited(
        UUID caseId,
        String authority,
        String country,
        String invitedBy,
        Instant invitedAt) {
}
