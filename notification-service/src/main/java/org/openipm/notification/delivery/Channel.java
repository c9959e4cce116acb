package org.openipm.notification.delivery;

/** How a subscription's alerts travel. */
public enum Channel {
    /** Signed HTTP POSTs (Standard Webhooks). */
    WEBHOOK,
    /** A mail through the configured SMTP server. */
    EMAIL
}
