package org.openipm.events.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A seizure reported by a customs system joined the case (case.seizure-attached): its record named the case and its
 * authority takes part in it, or the case was opened for it. Once per seizure and case: a redelivered report or an
 * amendment that keeps the case writes nothing more. Names the seizure and the brands whose verified goods it holds,
 * never its parties.
 *
 * @param caseId also the record key
 * @param seizureId OpenIPM's id of the seizure (as on {@code seizure-matched})
 * @param authority the reporting authority
 * @param externalId the authority's own id of the seizure
 * @param seizedOn the day of the seizure
 * @param caseOpened true when the case was opened for this seizure
 * @param brandIds the brands whose verified goods the seizure holds
 * @param attachedAt when it was attached
 */
public record CaseSeizureAttached(
        UUID caseId,
        UUID seizureId,
        String authority,
        String externalId,
        LocalDate seizedOn,
        boolean caseOpened,
        List<String> brandIds,
        Instant attachedAt) {
}
