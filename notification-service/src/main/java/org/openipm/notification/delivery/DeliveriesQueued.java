package org.openipm.notification.delivery;

/** Fired in the transaction that queued deliveries; the dispatcher wakes once it commits. */
record DeliveriesQueued(int count) {
}
