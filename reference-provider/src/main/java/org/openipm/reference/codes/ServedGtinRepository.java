package org.openipm.reference.codes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ServedGtinRepository implements PanacheRepositoryBase<ServedGtin, String> {

    /**
     * The GTIN's entry, made for {@code brandId} if it had none. Two brands claiming a new GTIN at once both end with
     * the winner's entry (PostgreSQL makes the second insert wait for the first), never with an error.
     */
    public ServedGtin claim(String gtin, String brandId, Instant now) {
        getEntityManager().createNativeQuery(
                "insert into served_gtin (gtin, brand_id, created_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, gtin).setParameter(2, brandId).setParameter(3, now).executeUpdate();
        return findById(gtin);
    }

    /** The brands this provider issues codes for, for the coverage it proposes to OpenIPM. */
    public List<String> brands() {
        return getEntityManager().createQuery("select distinct s.brandId from ServedGtin s order by 1", String.class)
                .getResultList();
    }

    public List<String> gtins() {
        return getEntityManager().createQuery("select s.gtin from ServedGtin s order by 1", String.class).getResultList();
    }
}
