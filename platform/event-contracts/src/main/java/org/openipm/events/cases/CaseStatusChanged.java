package org.openipm.events.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case moved along its workflow (case.status-changed). It names the participants at that moment so that a
 * consumer can tell them without its own copy of the case.
 *
 * @param caseId also the record key
 * @param from the status before, e.g. FLAGGED
 * @param to the status after, e.g. DETAINED
 * @param changedBy who made the move
 * @param reason why, as the actor wrote it; null when none was given
 * @param legalBasis the rule that allows the move
 * @param brandIds the brand participants, sorted
 * @param authorities the participant authorities, sorted
 * @param changedAt when
 */
public record CaseStatusChanged(
        UUID caseId,
        String from,
        String to,
        CaseParty changedBy,
        String reason,
        String legalBasis,
        List<String> brandIds,
        List<String> authorities,
        Instant changedAt) {
}
