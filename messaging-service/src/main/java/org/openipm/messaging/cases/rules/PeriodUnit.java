package org.openipm.messaging.cases.rules;

/** How a legal period counts days. */
public enum PeriodUnit {
    /** Days other than the jurisdiction's weekend and the office's public holidays ("business days" in the US). */
    WORKING_DAYS,
    /** Every day counts. */
    CALENDAR_DAYS
}
