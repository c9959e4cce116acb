package org.openipm.product.brand;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class LicensedGtinRepository implements PanacheRepositoryBase<LicensedGtin, String> {

    public List<LicensedGtin> ofBrand(String brandId) {
        return list("brandId = ?1 order by gtin", brandId);
    }

    /** The GTINs among {@code gtins14} licensed to the brand one by one. */
    public Set<String> licensedAmong(String brandId, Collection<String> gtins14) {
        if (gtins14.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select l.gtin from LicensedGtin l where l.brandId = ?1 and l.gtin in ?2", String.class)
                .setParameter(1, brandId).setParameter(2, gtins14).getResultList());
    }

    public Set<String> allOf(String brandId) {
        return new HashSet<>(getEntityManager()
                .createQuery("select l.gtin from LicensedGtin l where l.brandId = ?1", String.class)
                .setParameter(1, brandId).getResultList());
    }
}
