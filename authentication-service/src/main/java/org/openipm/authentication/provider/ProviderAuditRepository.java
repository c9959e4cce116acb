package org.openipm.authentication.provider;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ProviderAuditRepository implements PanacheRepository<ProviderAudit> {

    public List<ProviderAudit> ofProvider(String providerId) {
        return list("providerId = ?1 order by id", providerId);
    }
}
