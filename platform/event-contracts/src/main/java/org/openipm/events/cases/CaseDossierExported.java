package org.openipm.events.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * An officer of a participant authority exported the case's signed dossier (case.dossier-exported). Names the
 * export, never its content.
 *
 * @param caseId also the record key
 * @param exportedBy the officer's authority
 * @param keyId the RFC 7638 thumbprint of the signing key (the JWS header's {@code kid})
 * @param sha256 SHA-256 of the compact JWS as served, hex: which export a prosecutor holds
 * @param exportedAt when
 */
public record CaseDossierExported(
        UUID caseId,
        CaseParty exportedBy,
        String keyId,
        String sha256,
        Instant exportedAt) {
}
