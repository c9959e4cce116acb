package org.openipm.product.brand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Set;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.domain.BrandFacts;

/**
 * What the brand, prefix and licence services do alike when they change a brand: find it (404), check the version
 * the caller read, and remember what its products showed before the change so that they can be republished.
 */
@ApplicationScoped
class BrandChanges {

    private final BrandRepository brands;
    private final LicensedGtinRepository licensed;
    private final Event<BrandChanged> brandChanged;

    BrandChanges(BrandRepository brands, LicensedGtinRepository licensed, Event<BrandChanged> brandChanged) {
        this.brands = brands;
        this.licensed = licensed;
        this.brandChanged = brandChanged;
    }

    Brand existing(String brandId) {
        return brands.findByIdOptional(brandId).orElseThrow(() -> ProblemException.notFound("Brand " + brandId));
    }

    static void requireVersion(Brand brand, long expectedVersion) {
        if (brand.version != expectedVersion) {
            throw ProblemException.preconditionFailed("Brand " + brand.id + " is at version " + brand.version
                    + ", not " + expectedVersion + ": read it again before changing it");
        }
    }

    /** Taken before a change: the brand's facts and licensed GTINs, as its products show them now. */
    Before before(Brand brand) {
        return new Before(brand.facts(), licensed.allOf(brand.id));
    }

    /** {@code onlyProductsWith}: the GTINs whose products are affected; null for every product of the brand. */
    void announce(Before before, Set<String> onlyProductsWith, String changedBy) {
        brandChanged.fire(new BrandChanged(before.facts(), before.licensed(), onlyProductsWith, changedBy));
    }

    record Before(BrandFacts facts, Set<String> licensed) {
    }
}
