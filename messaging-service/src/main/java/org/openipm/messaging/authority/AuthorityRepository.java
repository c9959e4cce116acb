package org.openipm.messaging.authority;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AuthorityRepository implements PanacheRepositoryBase<Authority, String> {

    public List<Authority> byCountryThenId() {
        return list("order by country, id");
    }

    public List<Authority> ofCountry(String country) {
        return list("country = ?1 order by id", country);
    }
}
