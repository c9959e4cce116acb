package org.openipm.product.infringer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An entry of a brand's list of known infringers as the brand writes it. {@code value} is checked by kind in
 * {@link InfringerRules}; the sizes here are the outer bounds.
 */
public record InfringerRequest(
        @NotNull InfringerKind kind,
        @NotBlank @Size(max = InfringerRules.MAX_URL) String value,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @NotBlank @Size(max = InfringerRules.MAX_EVIDENCE) String evidence) {
}
