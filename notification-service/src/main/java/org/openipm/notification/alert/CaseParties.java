package org.openipm.notification.alert;

import java.util.List;
import java.util.UUID;

/**
 * The participants of a case as notification-service knows them from {@code case-events}.
 *
 * @param holder the flagging authority, which holds the case
 * @param authorities every participant authority: the holder first, then those invited
 * @param brands the brand participants
 */
public record CaseParties(UUID caseId, String holder, List<String> authorities, List<String> brands) {

    public CaseParties {
        authorities = List.copyOf(authorities);
        brands = List.copyOf(brands);
    }
}
