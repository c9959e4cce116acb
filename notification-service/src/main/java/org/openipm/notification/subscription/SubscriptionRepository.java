package org.openipm.notification.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.notification.alert.Recipient;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public List<Subscription> ownedBy(Recipient owner) {
        return list("ownerKind = ?1 and ownerId = ?2 order by createdAt, id", owner.kind(), owner.id());
    }

    public long countOwnedBy(Recipient owner) {
        return count("ownerKind = ?1 and ownerId = ?2", owner.kind(), owner.id());
    }

    /** Someone else's subscription is absent, as if it did not exist. */
    public Optional<Subscription> findOwned(UUID id, Recipient owner) {
        return findByIdOptional(id).filter(s -> s.owner().equals(owner));
    }
}
