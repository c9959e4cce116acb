package org.openipm.messaging.cases.workflow;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.rules.CaseTrait;

/**
 * A move of a case.
 *
 * @param to         the status to move to
 * @param reason     why, shown to every participant
 * @param goodsFacts what the authority states about the goods when it decides on detention (PERISHABLE,
 *                   SMALL_CONSIGNMENT, RESTRICTED_ARTICLE); they select the procedure and the legal periods
 */
public record TransitionRequest(
        @NotNull(message = "to names the status to move to") CaseStatus to,
        @Size(max = 2000, message = "a reason has at most 2000 characters") String reason,
        List<@NotNull(message = "a goods fact is PERISHABLE, SMALL_CONSIGNMENT or RESTRICTED_ARTICLE") CaseTrait>
                goodsFacts) {

    public List<CaseTrait> goodsFactsOrNone() {
        return goodsFacts == null ? List.of() : goodsFacts;
    }
}
