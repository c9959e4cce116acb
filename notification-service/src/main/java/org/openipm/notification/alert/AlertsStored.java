package org.openipm.notification.alert;

import java.util.List;

/**
 * Fired (CDI, synchronously) inside the transaction that stored new alerts, so what follows from them (one delivery
 * per matching subscription) commits or rolls back with the alerts themselves. Only alerts stored for the first
 * time, in the order they were stored.
 */
public record AlertsStored(List<Alert> alerts) {

    public AlertsStored {
        alerts = List.copyOf(alerts);
    }
}
