package org.openipm.authentication.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a provider answers for: the brands whose marks it issued and, to narrow it, GTINs or code kinds. Empty
 * {@code gtins} means every product of those brands; empty {@code codeKinds} every kind of code.
 */
public record Coverage(
        @NotEmpty(message = "a provider covers at least one brand")
        @Size(max = 1000) List<@NotBlank @Size(max = 100) String> brands,
        @Size(max = 10000) List<@Pattern(regexp = "^\\d{14}$", message = "GTINs are 14 digits") String> gtins,
        @Size(max = 6) List<@Pattern(regexp = "^(GS1_DIGITAL_LINK|GS1_ELEMENT_STRING|GTIN|IMEI|PROPRIETARY|UNKNOWN)$",
                message = "code kinds are GS1_DIGITAL_LINK, GS1_ELEMENT_STRING, GTIN, IMEI, PROPRIETARY or UNKNOWN")
                String> codeKinds) {

    public Coverage {
        brands = brands == null ? List.of() : List.copyOf(brands);
        gtins = gtins == null ? List.of() : List.copyOf(gtins);
        codeKinds = codeKinds == null ? List.of() : List.copyOf(codeKinds);
    }
}
