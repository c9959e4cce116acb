package org.openipm.messaging.cases.thread;

/** What a message in a case's thread is; each type has its own required fields and authors (MessageRules). */
public enum MessageType {
    /** An authority asks one brand whether goods lines or products are genuine. */
    ASSESSMENT_REQUEST,
    /** A brand's answer about its own products: GENUINE, COUNTERFEIT or UNSURE, with reasons. */
    ASSESSMENT,
    /** Any participant asks what should happen to the goods. */
    INSTRUCTION_REQUEST,
    /** An authority's decision about the goods: DETAIN, RELEASE, DESTROY or TAKE_SAMPLES. */
    INSTRUCTION,
    /** Anything else worth telling, photos of the shipment included (as attachments). */
    INFORMATION
}
