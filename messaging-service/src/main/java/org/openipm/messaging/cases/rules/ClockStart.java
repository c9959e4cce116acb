package org.openipm.messaging.cases.rules;

/** Events that start legal periods. Each deadline rule names the one it counts from. */
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
    /** The declarant objected to destruction and the right holder was told (EU 608/2013 Art. 26(8)). */
    OBJECTION_NOTIFIED
}
