package org.openipm.notification.alert;

/** What an alert is about, each with the severity it has unless its source says otherwise. */
public enum AlertType {
    COUNTERFEIT_VERDICT(Severity.CRITICAL),
    SUSPECT_VERDICT(Severity.WARNING),
    PROBABLE_CLONE(Severity.CRITICAL),
    SHIPMENT_FLAGGED(Severity.WARNING),
    CASE_INVITATION(Severity.WARNING),
    CASE_LINKED(Severity.WARNING),
    CASE_MESSAGE(Severity.INFO),
    CASE_STATUS_CHANGED(Severity.INFO),
    DEADLINE_APPROACHING(Severity.WARNING),
    DEADLINE_MISSED(Severity.CRITICAL),
    SEIZURE_MATCHED(Severity.WARNING),
    SEIZURE_INFRINGER_MATCHED(Severity.WARNING),
    BRAND_ALERT(Severity.WARNING),
    SUBSCRIPTION_DISABLED(Severity.WARNING);

    private final Severity severity;

    AlertType(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
