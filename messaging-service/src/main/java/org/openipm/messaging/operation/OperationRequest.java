package org.openipm.messaging.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A joint operation as an administrator or its lead authority writes it. {@code leadAuthority}: an administrator
 * names it; an officer's own authority leads what it creates (a different one is 400).
 */
public record OperationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @Size(max = 63) String leadAuthority,
        @NotEmpty @Size(max = OperationRules.MAX_AUTHORITIES) List<@NotBlank @Size(max = 63) String> authorities,
        @Size(max = OperationRules.MAX_BRANDS) List<@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}",
                message = "must be a brand id") String> brands,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> targetGoods,
        @Size(max = 50) List<@NotNull @Valid Route> targetRoutes) {

    /** A route the operation watches; any part may be left open. */
    public record Route(
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String originCountry,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String destinationCountry,
            @Pattern(regexp = "SEA|AIR|ROAD|RAIL|POSTAL|EXPRESS", message = "must be SEA, AIR, ROAD, RAIL, POSTAL or "
                    + "EXPRESS") String transportMode) {
    }
}
