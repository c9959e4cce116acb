package org.openipm.messaging.authority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One office of an authority. The time zone says when its days end (legal clocks count whole days there); the
 * region, when given, picks regional public holidays (German Länder, Alsace-Moselle).
 *
 * @param code the authority's own code of the office, e.g. a UN/LOCODE such as DEHAM
 * @param timeZone an IANA time zone id, e.g. Europe/Berlin
 * @param region an ISO 3166-2 subdivision code of the authority's country, e.g. DE-BY or FR-67, optional
 */
public record Office(
        @NotBlank(message = "an office needs a code")
        @Pattern(regexp = Office.CODE_PATTERN, message = "an office code is 2-20 of A-Z 0-9 - _")
        String code,
        @NotBlank(message = "an office needs a name") @Size(max = 200) String name,
        @NotNull(message = "kind is PORT, AIRPORT, POSTAL_HUB, EXPRESS_HUB, LAND_BORDER or OTHER") OfficeKind kind,
        @NotBlank(message = "an office needs an IANA time zone such as Europe/Paris") @Size(max = 64) String timeZone,
        @Pattern(regexp = "^[A-Z]{2}-[A-Z0-9]{1,3}$", message = "region is an ISO 3166-2 code such as DE-BY or FR-67")
        String region) {

    public static final String CODE_PATTERN = "^[A-Z0-9][A-Z0-9_-]{1,19}$";
}
