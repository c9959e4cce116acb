package org.openipm.events.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant corrected a timeline entry (case.timeline-corrected); the corrected entry stays as it was. The
 * correction's text stays in the case, where only those who may read the corrected entry read it.
 *
 * @param caseId also the record key
 * @param entryId the correcting entry
 * @param correctsEntryId the entry it corrects
 * @param correctedBy who wrote the correction
 * @param correctedAt when
 */
public record CaseTimelineCorrected(
        UUID caseId,
        long entryId,
        long correctsEntryId,
        CaseParty correctedBy,
        Instant correctedAt) {
}
