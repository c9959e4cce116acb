package org.openipm.messaging.cases.rules;

/**
 * Events of the procedure that legal periods count from or end on. Each deadline rule names the one it counts from
 * ({@code startsOn}) and those that meet it ({@code endsOn}). The last three happen outside OpenIPM, between the
 * authority and the declarant or importer; the authority records them (see {@link CaseWorkflow#procedureSteps()}).
 */
public enum ClockStart {
    /** The goods are presented to the authority for examination; OpenIPM records it when the case opens. */
    GOODS_PRESENTED,
    /**
     * The release is suspended or the goods are detained: the case moves to DETAINED and OpenIPM notifies the
     * participants at that moment, so the notification and the move are the same instant.
     */
    GOODS_DETAINED,
    /** The authority has notified the importer of a detention (19 CFR 133.21(b)); recorded, not a status move. */
    IMPORTER_NOTIFIED,
    /** The declarant objected to destruction and the right holder was told (EU 608/2013 Art. 23(3), 26(8)). */
    OBJECTION_NOTIFIED,
    /**
     * The importer answered the authority: it tried to show the mark is not counterfeit (19 CFR 133.21(b)) or that
     * an exception applies to restricted articles (19 CFR 133.25(a)). Starts nothing; it meets the importer's periods.
     */
    IMPORTER_RESPONDED
}
