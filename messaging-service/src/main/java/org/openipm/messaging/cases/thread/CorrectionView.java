package org.openipm.messaging.cases.thread;

import java.time.Instant;
import java.util.UUID;
import org.openipm.events.cases.CaseParty;

/** The CORRECTION entry added to the timeline; {@code corrects} is the entry it corrects, which stays as it was. */
public record CorrectionView(long id, UUID caseId, long corrects, Instant at, CaseParty correctedBy, String text) {
}
