package org.openipm.reference.keys;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class ProviderSecretRepository implements PanacheRepositoryBase<ProviderSecret, String> {

    /** The stored secret, or {@code candidate} stored first: two instances starting at once end with the same one. */
    public String valueOrStore(String name, String candidate) {
        getEntityManager().createNativeQuery(
                "insert into provider_secret (name, value, created_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, name).setParameter(2, candidate).setParameter(3, Instant.now()).executeUpdate();
        return getEntityManager().createQuery("select s.value from ProviderSecret s where s.name = ?1", String.class)
                .setParameter(1, name).getSingleResult();
    }
}
