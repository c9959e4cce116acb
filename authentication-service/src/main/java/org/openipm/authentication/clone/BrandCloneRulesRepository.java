package org.openipm.authentication.clone;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BrandCloneRulesRepository implements PanacheRepositoryBase<BrandCloneRules, String> {

    /** The brand's rules, or none when it set none (then the service's default applies). */
    public CloneRules of(String brandId) {
        if (brandId == null) {
            return CloneRules.none();
        }
        return findByIdOptional(brandId).map(BrandCloneRules::rules).orElseGet(CloneRules::none);
    }
}
