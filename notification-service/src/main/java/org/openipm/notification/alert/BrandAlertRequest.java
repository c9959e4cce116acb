package org.openipm.notification.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A brand's alert to officers. The limits are fixed here; {@link BrandAlertRules} checks what annotations cannot.
 *
 * @param kind NEW_FAKE_SEEN, ROUTE_TO_WATCH, TRADER_TO_WATCH or OTHER
 * @param text what officers should know, in the brand's words
 * @param productIds the brand's own products it concerns (none for a trader or route in general)
 * @param targetCountries ISO 3166-1 alpha-2 codes of the countries whose officers should hear it
 * @param authorityTypes which kinds of authority there (CUSTOMS, POLICE, ...)
 * @param photoUrls pictures the brand hosts, as https URLs; OpenIPM stores the references, never fetches them
 */
public record BrandAlertRequest(
        @NotNull String kind,
        @NotBlank @Size(max = BrandAlertRules.MAX_TEXT) String text,
        @Size(max = BrandAlertRules.MAX_PRODUCTS) List<@NotNull UUID> productIds,
        @NotEmpty @Size(max = BrandAlertRules.MAX_COUNTRIES) List<@NotNull String> targetCountries,
        @NotEmpty @Size(max = 6) List<@NotNull String> authorityTypes,
        @Size(max = BrandAlertRules.MAX_PHOTOS) List<@NotNull @Size(max = BrandAlertRules.MAX_URL) String> photoUrls) {

    public List<UUID> productIdsOrNone() {
        return productIds == null ? List.of() : productIds;
    }

    public List<String> photoUrlsOrNone() {
        return photoUrls == null ? List.of() : photoUrls;
    }
}
