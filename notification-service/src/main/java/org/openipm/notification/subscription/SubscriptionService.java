package org.openipm.notification.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.notification.NotificationSettings;
import org.openipm.notification.alert.Recipient;
import org.openipm.notification.delivery.Channel;
import org.openipm.notification.delivery.DeliveryFanOut;
import org.openipm.notification.subscription.SubscriptionRules.Checked;
import org.openipm.notification.webhook.WebhookSecrets;
import org.openipm.notification.webhook.WebhookTargets;
import org.openipm.platform.problem.ProblemException;

/** A brand's or an authority's own subscriptions: rules, limits, secrets. Another owner's are not found. */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final WebhookSecrets secrets;
    private final DeliveryFanOut fanOut;
    private final SubscriptionRules rules;
    private final NotificationSettings settings;

    public SubscriptionService(SubscriptionRepository subscriptions, WebhookSecrets secrets, DeliveryFanOut fanOut,
            WebhookTargets targets, NotificationSettings settings) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.fanOut = fanOut;
        this.rules = new SubscriptionRules(targets, settings.subscriptions().maxFilterEntries());
        this.settings = settings;
    }

    @Transactional
    public SubscriptionView.Created create(Recipient owner, SubscriptionRequest request) {
        Checked checked = rules.check(request);
        if (request.enabled() != null && !request.enabled()) {
            throw ProblemException.badRequest("invalid-subscription", "a new subscription is enabled");
        }
        int limit = settings.subscriptions().maxPerOwner();
        if (subscriptions.countOwnedBy(owner) >= limit) {
            throw ProblemException.conflict("subscription-limit", "at most " + limit + " subscriptions per owner; "
                    + "delete one first");
        }
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerKind = owner.kind();
        subscription.ownerId = owner.id();
        apply(subscription, checked);
        subscription.enabled = true;
        subscription.createdAt = subscription.updatedAt;
        String secret = null;
        if (checked.channel() == Channel.WEBHOOK) {
            secret = secrets.newSecret();
            subscription.secretEncrypted = secrets.seal(subscription.id, secret);
        }
        subscriptions.persist(subscription);
        return new SubscriptionView.Created(SubscriptionView.of(subscription), secret);
    }

    public List<SubscriptionView> list(Recipient owner) {
        return subscriptions.ownedBy(owner).stream().map(SubscriptionView::of).toList();
    }

    public Optional<SubscriptionView> find(Recipient owner, UUID id) {
        return subscriptions.findOwned(id, owner).map(SubscriptionView::of);
    }

    /** Replaces its settings (not its channel or secret); {@code enabled: true} re-enables a disabled one. */
    @Transactional
    public SubscriptionView replace(Recipient owner, UUID id, SubscriptionRequest request) {
        Subscription subscription = owned(owner, id);
        Checked checked = rules.check(request);
        if (checked.channel() != subscription.channel) {
            throw ProblemException.badRequest("invalid-subscription", "the channel of a subscription does not "
                    + "change (" + subscription.channel + "); create another subscription");
        }
        apply(subscription, checked);
        if (request.enabled() != null && request.enabled() != subscription.enabled) {
            subscription.enabled = request.enabled();
            subscription.disabledAt = request.enabled() ? null : subscription.updatedAt;
            subscription.failingSince = null;
        }
        return SubscriptionView.of(subscription);
    }

    @Transactional
    public void delete(Recipient owner, UUID id) {
        subscriptions.delete(owned(owner, id));
    }

    /** A new secret; the previous one keeps signing beside it for the configured overlap. */
    @Transactional
    public SubscriptionView.Rotated rotate(Recipient owner, UUID id) {
        Subscription subscription = owned(owner, id);
        if (subscription.channel != Channel.WEBHOOK) {
            throw ProblemException.conflict("no-secret", "only WEBHOOK subscriptions have a signing secret");
        }
        Instant now = Instant.now();
        String secret = secrets.newSecret();
        subscription.previousSecretEncrypted = subscription.secretEncrypted;
        subscription.previousSecretUntil = now.plus(settings.webhooks().rotationOverlap());
        subscription.secretEncrypted = secrets.seal(subscription.id, secret);
        subscription.updatedAt = now;
        return new SubscriptionView.Rotated(secret, subscription.previousSecretUntil);
    }

    /** Queues a test event, sent and retried like an alert; answers its webhook-id. */
    @Transactional
    public UUID test(Recipient owner, UUID id) {
        Subscription subscription = owned(owner, id);
        if (!subscription.enabled) {
            throw ProblemException.conflict("subscription-disabled", "the subscription is disabled; enable it "
                    + "with PUT first");
        }
        subscriptions.flush();
        return fanOut.test(subscription.id);
    }

    /** Throws 404 unless the caller owns it. */
    public void checkOwned(Recipient owner, UUID id) {
        owned(owner, id);
    }

    private Subscription owned(Recipient owner, UUID id) {
        return subscriptions.findOwned(id, owner).orElseThrow(() -> ProblemException.notFound("subscription " + id));
    }

    private static void apply(Subscription subscription, Checked checked) {
        subscription.channel = checked.channel();
        subscription.url = checked.url();
        subscription.email = checked.email();
        subscription.language = checked.language();
        subscription.alertTypes = new java.util.ArrayList<>(checked.alertTypes());
        subscription.minSeverity = checked.minSeverity();
        subscription.products = new java.util.ArrayList<>(checked.products());
        subscription.countries = new java.util.ArrayList<>(checked.countries());
        subscription.updatedAt = Instant.now();
    }
}
