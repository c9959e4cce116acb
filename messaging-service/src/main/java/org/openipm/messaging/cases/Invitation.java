package org.openipm.messaging.cases;

import java.time.Instant;
import java.util.UUID;

/** An authority invited into a case: its officers see the case as the flagging authority's officers do. */
public record Invitation(UUID caseId, String authority, String country, String invitedBy, Instant invitedAt) {
}
