package org.openipm.messaging.cases.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.events.cases.CaseParty;

/**
 * A message as a participant reads it. A brand reads only messages it wrote or that are addressed to it, so the
 * parties named here are authorities and itself. {@code read}: the caller's authority or brand has read it (its own
 * messages count as read).
 */
public record MessageView(UUID id, UUID caseId, MessageType type, CaseParty postedBy, List<CaseParty> addressedTo,
        Instant postedAt, String text, List<Integer> goodsLines, List<UUID> productIds, Verdict verdict,
        List<String> reasons, InstructedAction action, UUID inReplyTo, List<AttachmentView> attachments,
        boolean read) {

    static MessageView of(CaseMessage message, List<AttachmentView> attachments, boolean read) {
        MessageContent content = message.content;
        return new MessageView(message.id, message.caseId, message.type, message.author(), message.addressedTo,
                message.postedAt, content.text(), content.goodsLines(), content.productIds(), content.verdict(),
                content.reasons(), content.action(), content.inReplyTo(), attachments, read);
    }
}
