package org.openipm.messaging.cases.thread;

import java.util.List;
import java.util.UUID;

/**
 * The fields of a message that its type uses; the others are null. Stored as one jsonb value with the message.
 *
 * @param goodsLines 1-based goods lines of the case (assessment request, instruction)
 * @param productIds catalogue products of the case (assessment request, assessment)
 * @param inReplyTo the message this one answers, if any
 */
public record MessageContent(String text, List<Integer> goodsLines, List<UUID> productIds, Verdict verdict,
        List<String> reasons, InstructedAction action, UUID inReplyTo) {
}
