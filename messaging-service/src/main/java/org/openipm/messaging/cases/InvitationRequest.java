package org.openipm.messaging.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param authority the id of the authority invited, as the directory of authorities holds it */
public record InvitationRequest(@NotBlank(message = "authority is required") @Size(max = 63) String authority) {
}
