package org.openipm.product.brand;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an admin registers, or a brand user edits, about a right holder. */
public record BrandRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2-63 lower-case letters, digits or '-'") String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) List<@Pattern(regexp = "\\d{6,12}", message = "must be a GS1 company prefix of 6 to 12 digits") String> companyPrefixes,
        @Size(max = 250) List<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> countries,
        @Size(max = 200) List<@Valid ContactRequest> contacts) {

    public record ContactRequest(
            @Pattern(regexp = "[A-Z]{2}|\\*", message = "must be an ISO 3166-1 alpha-2 code or *") String country,
            @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code") String language,
            @Size(max = 100) String role,
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number") String phone,
            @Size(max = 100) String hours,
            boolean urgent) {
    }
}
