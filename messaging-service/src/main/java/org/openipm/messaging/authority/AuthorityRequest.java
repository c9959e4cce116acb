package org.openipm.messaging.authority;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An authority as an administrator registers or replaces it. {@code id} is what officers' tokens carry in
 * {@code org}; on replace it may be left out (the path names it) but never changed.
 */
public record AuthorityRequest(
        @Pattern(regexp = AuthorityRequest.ID_PATTERN, message = "an authority id is 2-63 of a-z 0-9 -, e.g. fr-douane")
        String id,
        @NotBlank(message = "name is required") @Size(max = 200) String name,
        @NotNull(message = "country is required")
        @Pattern(regexp = "^[A-Z]{2}$", message = "country is an ISO 3166-1 alpha-2 code such as FR")
        String country,
        @NotNull(message = "type is CUSTOMS, POLICE, HEALTH_REGULATOR, TAX, MARKET_SURVEILLANCE or OTHER")
        AuthorityType type,
        @Size(max = AuthorityRequest.MAX_OFFICES, message = "at most " + AuthorityRequest.MAX_OFFICES + " offices")
        List<@NotNull @Valid Office> offices,
        @Size(max = 20, message = "at most 20 languages")
        List<@NotNull @Pattern(regexp = "^[a-z]{2}$", message = "a language is an ISO 639-1 code such as fr") String> languages,
        @Size(max = 50, message = "at most 50 contact points") List<@NotNull @Valid ContactPoint> contacts) {

    public static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";
    public static final int MAX_OFFICES = 500;

    public List<Office> officesOrNone() {
        return offices == null ? List.of() : offices;
    }

    public List<String> languagesOrNone() {
        return languages == null ? List.of() : languages;
    }

    public List<ContactPoint> contactsOrNone() {
        return contacts == null ? List.of() : contacts;
    }
}
