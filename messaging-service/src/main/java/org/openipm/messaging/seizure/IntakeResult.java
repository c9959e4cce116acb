package org.openipm.messaging.seizure;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one posted record: {@code ACCEPTED} (new, queued for matching), {@code DUPLICATE} (the same
 * content under this external id was already taken: nothing changed), {@code CONFLICT} (other content under this
 * external id: amend it with PUT), {@code REJECTED} (a broken rule, {@code field} and {@code reason} say which).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(int index, String externalId, Status status, String field, String reason) {

    public enum Status {
        ACCEPTED, DUPLICATE, CONFLICT, REJECTED
    }

    static IntakeResult of(int index, String externalId, Status status) {
        return new IntakeResult(index, externalId, status, null, null);
    }

    static IntakeResult rejected(int index, String externalId, String field, String reason) {
        return new IntakeResult(index, externalId, Status.REJECTED, field, reason);
    }
}
