package org.openipm.notification.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openipm.notification.alert.Recipient;
import org.openipm.notification.delivery.Channel;
import org.openipm.notification.delivery.SubscriptionFilter;
import org.openipm.notification.alert.Severity;

/** A subscription as stored. Its secrets are only ever held sealed here (see webhook.WebhookSecrets). */
@Entity
@Table(name = "subscription")
// Only changed columns are written: the dispatcher sets failing_since and enabled, the fan-out last_sequence, in
// their own transactions; an owner's edit must not write back what it read before them.
@DynamicUpdate
public class Subscription {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Recipient.Kind ownerKind;
    public String ownerId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> alertTypes = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public Severity minSeverity;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> products = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> countries = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String url;
    public String email;
    public String language;
    public String secretEncrypted;
    public String previousSecretEncrypted;
    public Instant previousSecretUntil;
    public boolean enabled;
    public Instant disabledAt;
    public Instant failingSince;
    @Column(updatable = false)
    public long lastSequence;
    public Instant createdAt;
    public Instant updatedAt;

    public Recipient owner() {
        return new Recipient(ownerKind, ownerId);
    }

    public SubscriptionFilter filter() {
        return SubscriptionFilter.of(alertTypes, minSeverity, products, countries);
    }
}
