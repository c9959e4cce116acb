package org.openipm.platform.outbox;

import java.util.Locale;

/**
 * The PostgreSQL notification channel on which a service's committed outbox rows are announced. Services share
 * a database (each in its own schema), and notices are per database: the channel is named after the service so
 * that one service's commits do not wake every other relay.
 */
public final class OutboxChannel {

    private static final int MAX_IDENTIFIER = 63;

    private OutboxChannel() {
    }

    /** {@code product-service} -> {@code outbox_product_service}. */
    public static String of(String service) {
        String channel = "outbox_" + service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        return channel.length() > MAX_IDENTIFIER ? channel.substring(0, MAX_IDENTIFIER) : channel;
    }
}
