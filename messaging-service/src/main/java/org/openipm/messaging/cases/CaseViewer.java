package org.openipm.messaging.cases;

/**
 * Who looks at cases: an authority (its officers) or a brand (its users). Participation is checked against this,
 * never against a role alone.
 */
public record CaseViewer(String kind, String id) {

    public static CaseViewer authority(String id) {
        return new CaseViewer(CaseParticipant.AUTHORITY, id);
    }

    public static CaseViewer brand(String id) {
        return new CaseViewer(CaseParticipant.BRAND, id);
    }

    public boolean isBrand() {
        return CaseParticipant.BRAND.equals(kind);
    }
}
