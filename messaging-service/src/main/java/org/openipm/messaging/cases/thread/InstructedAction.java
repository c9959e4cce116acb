package org.openipm.messaging.cases.thread;

/** What an authority's instruction says to do with the goods. */
public enum InstructedAction {
    DETAIN,
    RELEASE,
    DESTROY,
    TAKE_SAMPLES
}
