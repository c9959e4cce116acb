package org.openipm.provider.protocol;

/** A provider's judgement of one mark. OpenIPM adds {@code ERROR} on its side when no valid answer came. */
public enum Verdict {
    GENUINE,
    SUSPECT,
    COUNTERFEIT,
    UNKNOWN
}
