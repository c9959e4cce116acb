package org.openipm.notification.alert;

import java.util.UUID;

/** The API path of a case in messaging-service, which each participant opens with its own view. */
final class CaseLinks {

    private CaseLinks() {
    }

    static String of(UUID caseId) {
        return "/api/v1/cases/" + caseId;
    }
}
