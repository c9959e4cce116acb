package org.openipm.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.notification.delivery.Channel;
import org.openipm.notification.alert.Severity;

/** A subscription as its owner reads it; never a secret. */
public record SubscriptionView(UUID id, Channel channel, String url, String email, String language,
        List<String> alertTypes, Severity minSeverity, List<String> products, List<String> countries, boolean enabled,
        Instant disabledAt, Instant failingSince, Instant previousSecretValidUntil, long lastSequence,
        Instant createdAt, Instant updatedAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.channel, s.url, s.email, s.language, List.copyOf(s.alertTypes),
                s.minSeverity, List.copyOf(s.products), List.copyOf(s.countries), s.enabled, s.disabledAt,
                s.failingSince, s.previousSecretUntil, s.lastSequence, s.createdAt, s.updatedAt);
    }

    /** The answer to a creation: the webhook secret, shown this once. */
    public record Created(SubscriptionView subscription, String secret) {
    }

    /** The answer to a rotation: the new secret, shown this once; the previous one signs too until the date. */
    public record Rotated(String secret, Instant previousSecretValidUntil) {
    }
}
