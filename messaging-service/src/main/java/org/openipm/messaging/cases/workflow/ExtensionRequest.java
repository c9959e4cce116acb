package org.openipm.messaging.cases.workflow;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An extension of a legal period, in the period's own unit (working days for EU 608/2013 Art. 23(4)).
 *
 * @param justification why, as the law asks for a duly justified request; on the timeline
 */
public record ExtensionRequest(
        @NotNull(message = "days is required") @Min(value = 1, message = "days is at least 1") Integer days,
        @NotBlank(message = "a justification is required") @Size(max = 2000) String justification) {
}
