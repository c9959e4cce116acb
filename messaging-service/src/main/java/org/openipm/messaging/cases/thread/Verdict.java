package org.openipm.messaging.cases.thread;

/** A brand's assessment of its products in a shipment. */
public enum Verdict {
    GENUINE,
    COUNTERFEIT,
    UNSURE
}
