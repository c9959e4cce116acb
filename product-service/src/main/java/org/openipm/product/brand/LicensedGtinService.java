package org.openipm.product.brand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.openipm.codes.Gtin;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.domain.GtinLicence;

/**
 * GTINs a brand licensed one by one from GS1 (outside any company prefix it holds): an administrator verifies them
 * for that brand, or revokes them. Either way the brand's products carrying the GTIN are republished.
 */
@ApplicationScoped
public class LicensedGtinService {

    private final CompanyPrefixRepository prefixes;
    private final LicensedGtinRepository licensed;
    private final BrandChanges changes;

    public LicensedGtinService(CompanyPrefixRepository prefixes, LicensedGtinRepository licensed,
            BrandChanges changes) {
        this.prefixes = prefixes;
        this.licensed = licensed;
        this.changes = changes;
    }

    @Transactional
    public Recorded<GtinLicence> license(String brandId, String rawGtin, String admin) {
        Brand brand = changes.existing(brandId);
        String gtin = gtin14(rawGtin);
        prefixes.lockGrants();
        var existing = licensed.findByIdOptional(gtin);
        if (existing.isPresent()) {
            if (existing.get().brandId.equals(brandId)) {
                return new Recorded<>(existing.get().licence(), false);
            }
            throw ProblemException.conflict("gtin-licensed-to-another-brand",
                    "GTIN " + gtin + " is already verified for another brand");
        }
        if (!prefixes.approvedOverlapsOfOthers(gtin.substring(1), brandId).isEmpty()) {
            throw ProblemException.conflict("gtin-in-another-brands-prefix",
                    "GTIN " + gtin + " lies inside a GS1 company prefix granted to another brand");
        }
        BrandChanges.Before before = changes.before(brand);
        LicensedGtin licence = new LicensedGtin();
        licence.gtin = gtin;
        licence.brandId = brandId;
        licence.grantedBy = admin;
        licence.grantedAt = Instant.now();
        licensed.persist(licence);
        changes.announce(before, Set.of(gtin), admin);
        return new Recorded<>(licence.licence(), true);
    }

    /** Returns false when the GTIN was not verified for this brand one by one. */
    @Transactional
    public boolean revoke(String brandId, String rawGtin, String admin) {
        Brand brand = changes.existing(brandId);
        String gtin = gtin14(rawGtin);
        var existing = licensed.findByIdOptional(gtin).filter(l -> l.brandId.equals(brandId));
        if (existing.isEmpty()) {
            return false;
        }
        BrandChanges.Before before = changes.before(brand);
        licensed.delete(existing.get());
        licensed.flush();
        changes.announce(before, Set.of(gtin), admin);
        return true;
    }

    public List<GtinLicence> ofBrand(String brandId) {
        return licensed.ofBrand(brandId).stream().map(LicensedGtin::licence).toList();
    }

    private static String gtin14(String raw) {
        var problem = Gtin.validationProblem(raw);
        if (problem.isPresent()) {
            throw ProblemException.badRequest("validation", "gtin: " + problem.get());
        }
        return Gtin.normaliseTo14(raw);
    }
}
