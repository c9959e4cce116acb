package org.openipm.events.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A participant posted a message in a case's thread (case.message-posted). The text and attachments stay in the
 * case, where access is checked; the event says only who wrote what kind of message to whom.
 *
 * @param caseId also the record key
 * @param messageId the message
 * @param messageType ASSESSMENT_REQUEST, ASSESSMENT, INSTRUCTION_REQUEST, INSTRUCTION or INFORMATION
 * @param postedBy its author
 * @param addressedTo the participants it is for
 * @param attachmentCount how many files it carries
 * @param postedAt when
 */
public record CaseMessagePosted(
        UUID caseId,
        UUID messageId,
        String messageType,
        CaseParty postedBy,
        List<CaseParty> addressedTo,
        int attachmentCount,
        Instant postedAt) {
}
