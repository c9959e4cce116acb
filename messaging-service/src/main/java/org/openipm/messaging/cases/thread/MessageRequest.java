package org.openipm.messaging.cases.thread;

import java.util.List;
import java.util.UUID;

/**
 * A message as posted. Types and enumerations arrive as strings so that a wrong one is answered naming its field,
 * like any other broken rule (MessageRules).
 */
public record MessageRequest(String type, List<Addressee> addressedTo, String text, List<Integer> goodsLines,
        List<UUID> productIds, String verdict, List<String> reasons, String action, UUID inReplyTo) {

    /** A participant: {@code kind} AUTHORITY or BRAND, {@code id} the authority's or the brand's id. */
    public record Addressee(String kind, String id) {
    }
}
