package org.openipm.messaging.cases.thread;

/** What a participant says was wrong or missing in an earlier timeline entry. */
public record CorrectionRequest(String text) {
}
