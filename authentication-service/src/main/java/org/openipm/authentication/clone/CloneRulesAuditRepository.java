package org.openipm.authentication.clone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CloneRulesAuditRepository implements PanacheRepository<CloneRulesAudit> {

    public List<CloneRulesAudit> ofBrand(String brandId) {
        return list("brandId = ?1 order by id", brandId);
    }
}
