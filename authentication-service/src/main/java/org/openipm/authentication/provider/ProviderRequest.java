package org.openipm.authentication.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A provider as an administrator registers or replaces it. {@code secret} ({@code whsec_<base64>}) is optional:
 * on create one is generated and shown once; on update an absent secret keeps the current one.
 */
public record ProviderRequest(
        @Pattern(regexp = ProviderRequest.ID_PATTERN,
                message = "a provider id is 2-63 lower-case letters, digits or hyphens (it names Kafka topics)")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull(message = "connector is HTTP or KAFKA") ConnectorType connector,
        @Size(max = 2048) String endpoint,
        @Size(max = 200) String secret,
        @Min(value = 100, message = "timeoutMs is at least 100") @Max(value = 30000, message = "timeoutMs is at most 30000")
        Integer timeoutMs,
        ProviderStatus status,
        @NotNull(message = "coverage is required") @Valid Coverage coverage) {

    public static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";
    static final int DEFAULT_TIMEOUT_MS = 2000;
}
