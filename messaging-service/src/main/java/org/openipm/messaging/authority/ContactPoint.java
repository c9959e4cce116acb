package org.openipm.messaging.authority;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whom brands and other authorities reach, for what, in which language. */
public record ContactPoint(
        @NotBlank(message = "a contact point needs a name") @Size(max = 200) String name,
        @Size(max = 200) String role,
        @Email(message = "email is not an e-mail address") @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Size(max = 8) String language) {
}
