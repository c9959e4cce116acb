package org.openipm.product.brand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.openipm.codes.Gtin;
import org.openipm.platform.problem.ProblemException;

/**
 * GTINs a brand licensed one by one from GS1 (outside any company prefix it holds): an administrator verifies them
 * for that brand, or revokes them. Either way the brand's products carrying the GTIN are republished.
 */
@ApplicationScoped
public class LicensedGtinService {

    private final BrandRepository brands;
    private final CompanyPrefixRepository prefixes;
    private final LicensedGtinRepository licensed;
    private final Event<BrandChanged> brandChanged;

    public LicensedGtinService(BrandRepository brands, CompanyPrefixRepository prefixes,
            LicensedGtinRepository licensed, Event<BrandChanged> brandChanged) {
        this.brands = brands;
        this.prefixes = prefixes;
        this.licensed = licensed;
        this.brandChanged = brandChanged;
    }

    public record Granted(LicensedGtin licence, boolean created) {
    }

    @Transactional
    public Granted license(String brandId, String rawGtin, String admin) {
        Brand brand = brand(brandId);
        String gtin = gtin14(rawGtin);
        prefixes.lockGrants();
        var existing = licensed.findByIdOptional(gtin);
        if (existing.isPresent()) {
            if (existing.get().brandId.equals(brandId)) {
                return new Granted(existing.get(), false);
            }
            throw ProblemException.conflict("gtin-licensed-to-another-brand",
                    "GTIN " + gtin + " is already verified for another brand");
        }
        if (!prefixes.approvedOverlapsOfOthers(gtin.substring(1), brandId).isEmpty()) {
            throw ProblemException.conflict("gtin-in-another-brands-prefix",
                    "GTIN " + gtin + " lies inside a GS1 company prefix granted to another brand");
        }
        Set<String> before = licensed.allOf(brandId);
        LicensedGtin licence = new LicensedGtin();
        licence.gtin = gtin;
        licence.brandId = brandId;
        licence.grantedBy = admin;
        licence.grantedAt = Instant.now();
        licensed.persist(licence);
        brandChanged.fire(new BrandChanged(brand.facts(), before, Set.of(gtin), admin));
        return new Granted(licence, true);
    }

    /** Returns false when the GTIN was not verified for this brand one by one. */
    @Transactional
    public boolean revoke(String brandId, String rawGtin, String admin) {
        Brand brand = brand(brandId);
        String gtin = gtin14(rawGtin);
        var existing = licensed.findByIdOptional(gtin).filter(l -> l.brandId.equals(brandId));
        if (existing.isEmpty()) {
            return false;
        }
        Set<String> before = licensed.allOf(brandId);
        licensed.delete(existing.get());
        licensed.flush();
        brandChanged.fire(new BrandChanged(brand.facts(), before, Set.of(gtin), admin));
        return true;
    }

    public List<LicensedGtin> ofBrand(String brandId) {
        return licensed.ofBrand(brandId);
    }

    private static String gtin14(String raw) {
        var problem = Gtin.validationProblem(raw);
        if (problem.isPresent()) {
            throw ProblemException.badRequest("validation", "gtin: " + problem.get());
        }
        return Gtin.normaliseTo14(raw);
    }

    private Brand brand(String brandId) {
        return brands.findByIdOptional(brandId).orElseThrow(() -> ProblemException.notFound("Brand " + brandId));
    }
}
