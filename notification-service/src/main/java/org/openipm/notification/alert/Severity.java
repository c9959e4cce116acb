package org.openipm.notification.alert;

/** In rising order: a subscription to WARNING also receives CRITICAL. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public boolean atLeast(Severity minimum) {
        return compareTo(minimum) >= 0;
    }
}
