package org.openipm.authentication.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.openipm.codes.CodeInterpreter;

/** What an officer sends to have a mark authenticated. */
public record AuthenticationBody(
        @NotBlank(message = "code is required") @Size(max = CodeInterpreter.MAX_INPUT_LENGTH) String code,
        UUID productId,
        @NotNull(message = "place is required") @Valid Place place) {

    /**
     * @param country ISO 3166-1 alpha-2, upper case
     * @param office the customs office, port or airport, optional
     * @param latitude WGS 84 degrees, optional, given together with longitude
     */
    public record Place(
            @NotNull(message = "place.country is required")
            @Pattern(regexp = "^[A-Z]{2}$", message = "place.country is an ISO 3166-1 alpha-2 code such as FR")
            String country,
            @Size(max = 100) String office,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }
}
