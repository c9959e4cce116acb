package org.openipm.messaging.cases.dossier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.thread.MessageContent;
import org.openipm.messaging.cases.thread.MessageType;
import org.openipm.messaging.cases.timeline.TimelineEntryView;

/**
 * Everything a prosecutor needs of a case, as one JSON document that the export signs: the case as its officers see
 * it, its whole timeline, every message, every file (base64, with its SHA-256), when and by whom it was exported.
 *
 * @param caseView the officers' view of the case, without its timeline (which is {@code timeline})
 */
public record Dossier(String format, UUID caseId, Instant exportedAt, Exporter exportedBy, ObjectNode caseView,
        List<TimelineEntryView> timeline, List<Message> messages, List<Attachment> attachments) {

    public static final String FORMAT = "openipm-dossier/1";

    /** @param user the subject of the exporting officer's token */
    public record Exporter(String authority, String user) {
    }

    /** @param postedByUser the subject of the author's token */
    public record Message(UUID id, MessageType type, CaseParty postedBy, String postedByUser,
            List<CaseParty> addressedTo, Instant postedAt, MessageContent content, List<UUID> attachmentIds) {
    }

    /** @param contentBase64 the file's bytes, standard base64; {@code sha256} is over those bytes, in hex */
    public record Attachment(UUID id, UUID messageId, String fileName, String contentType, int size, String sha256,
            String contentBase64) {
    }
}
