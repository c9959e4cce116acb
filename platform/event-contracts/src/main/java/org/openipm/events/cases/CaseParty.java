package org.openipm.events.cases;

/**
 * A participant of a case as events name it: an authority (its id is the {@code org} of its officers' tokens) or a
 * brand (the brand id).
 *
 * @param kind AUTHORITY or BRAND
 * @param id the authority's or the brand's id
 */
public record CaseParty(String kind, String id) {

    public static final String AUTHORITY = "AUTHORITY";
    public static final String BRAND = "BRAND";

    public static CaseParty authority(String id) {
        return new CaseParty(AUTHORITY, id);
    }

    public static CaseParty brand(String id) {
        return new CaseParty(BRAND, id);
    }
}
