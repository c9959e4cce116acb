package org.openipm.reference.codes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ServedGtinRepository implements PanacheRepositoryBase<ServedGtin, String> {

    /** The brands this provider issues codes for, for the coverage it proposes to OpenIPM. */
    public List<String> brands() {
        return getEntityManager().createQuery("select distinct s.brandId from ServedGtin s order by 1", String.class)
                .getResultList();
    }

    public List<String> gtins() {
        return getEntityManager().createQuery("select s.gtin from ServedGtin s order by 1", String.class).getResultList();
    }
}
