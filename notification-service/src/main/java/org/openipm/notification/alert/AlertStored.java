package org.openipm.notification.alert;

/**
 * Fired (CDI, synchronously) inside the transaction that stored a new alert, so what follows from it (one delivery
 * per matching subscription) commits or rolls back with the alert itself.
 */
public record AlertStored(Alert alert) {
}
