package org.openipm.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.AlertRepository;
import org.openipm.notification.alert.AlertType;
import org.openipm.notification.alert.Recipient;
import org.openipm.notification.delivery.DeliveryRepository.Target;

/**
 * Disables a subscription whose deliveries kept failing and tells its owner with a SUBSCRIPTION_DISABLED alert,
 * stored like any other alert (the owner's list and stream, and its other subscriptions that want that type).
 */
@ApplicationScoped
public class SubscriptionDisabling {

    private final EntityManager entityManager;
    private final AlertRepository alerts;

    public SubscriptionDisabling(EntityManager entityManager, AlertRepository alerts) {
        this.entityManager = entityManager;
        this.alerts = alerts;
    }

    /** @return false when it was already disabled (by another instance, or its owner) */
    boolean disable(Target target, Instant failingSince, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean disabled = entityManager.createNativeQuery("update subscription set enabled = false, "
                            + "disabled_at = ?1 where id = ?2 and enabled")
                    .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, target.id()).executeUpdate() == 1;
            if (disabled) {
                Recipient owner = target.owner();
                // One notice per failing period, however many instances notice it.
                UUID sourceEventId = UUID.nameUUIDFromBytes(("subscription-disabled|" + target.id() + "|"
                        + failingSince).getBytes(StandardCharsets.UTF_8));
                alerts.saveOnce(Alert.of(AlertType.SUBSCRIPTION_DISABLED, owner,
                        owner.kind() == Recipient.Kind.BRAND ? List.of(owner.id()) : List.of(), List.of(),
                        Map.of("subscriptionId", target.id().toString(), "channel", target.channel().name(),
                                "failingSince", failingSince.toString()),
                        "/api/v1/subscriptions/" + target.id(), sourceEventId, now));
            }
            return disabled;
        });
    }
}
