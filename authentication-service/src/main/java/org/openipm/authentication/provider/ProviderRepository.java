package org.openipm.authentication.provider;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, String> {

    public List<Provider> active() {
        return list("status", ProviderStatus.ACTIVE);
    }

    public List<Provider> all() {
        return list("order by id");
    }
}
