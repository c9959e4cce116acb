package org.openipm.product.brand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.domain.BrandFacts;

/**
 * GS1 company prefixes are granted, not declared: a brand proposes one, an administrator approves it (having seen
 * the brand's GS1 licence) or rejects it, and may grant prefixes directly when registering a brand. A prefix
 * approved for one brand can never be approved, nor even proposed, for another, nested ones included. Approving
 * changes the brand record (its version moves) and republishes its products, whose GTINs inside the prefix become
 * verified.
 */
@ApplicationScoped
public class CompanyPrefixService {

    private static final Pattern PREFIX = Pattern.compile("\\d{6,12}");

    private final BrandRepository brands;
    private final CompanyPrefixRepository prefixes;
    private final LicensedGtinRepository licensed;
    private final Event<BrandChanged> brandChanged;

    public CompanyPrefixService(BrandRepository brands, CompanyPrefixRepository prefixes,
            LicensedGtinRepository licensed, Event<BrandChanged> brandChanged) {
        this.brands = brands;
        this.prefixes = prefixes;
        this.licensed = licensed;
        this.brandChanged = brandChanged;
    }

    public record Proposal(CompanyPrefix prefix, boolean created) {
    }

    @Transactional
    public Proposal propose(String brandId, String prefix, String proposedBy) {
        Brand brand = brand(brandId);
        checkShape(prefix);
        prefixes.lockGrants();
        refuseIfTakenByAnother(brandId, prefix);
        if (brand.companyPrefixes.stream().anyMatch(prefix::startsWith)) {
            throw ProblemException.conflict("prefix-already-granted", "Prefix " + prefix
                    + " is already covered by the brand's approved prefixes " + brand.companyPrefixes);
        }
        var existing = prefixes.find(brandId, prefix);
        if (existing.isPresent() && existing.get().status == CompanyPrefix.Status.PROPOSED) {
            return new Proposal(existing.get(), false);
        }
        CompanyPrefix proposal = existing.orElseGet(CompanyPrefix::new);
        proposal.brandId = brandId;
        proposal.prefix = prefix;
        proposal.status = CompanyPrefix.Status.PROPOSED;
        proposal.proposedBy = proposedBy;
        proposal.proposedAt = Instant.now();
        proposal.decidedBy = null;
        proposal.decidedAt = null;
        if (existing.isEmpty()) {
            prefixes.persist(proposal);
        }
        return new Proposal(proposal, true);
    }

    @Transactional
    public Brand approve(String brandId, String prefix, long expectedVersion, String admin) {
        Brand brand = brand(brandId);
        CompanyPrefix proposal = prefixes.find(brandId, prefix)
                .orElseThrow(() -> ProblemException.notFound("Prefix request " + prefix + " of brand " + brandId));
        checkVersion(brand, expectedVersion);
        if (proposal.status == CompanyPrefix.Status.APPROVED) {
            return brand;
        }
        prefixes.lockGrants();
        refuseIfTakenByAnother(brandId, prefix);
        BrandFacts before = brand.facts();
        Set<String> licensedBefore = licensed.allOf(brandId);
        decide(proposal, CompanyPrefix.Status.APPROVED, admin);
        grantTo(brand, List.of(prefix));
        brandChanged.fire(new BrandChanged(before, licensedBefore, null, admin));
        return brand;
    }

    @Transactional
    public CompanyPrefix reject(String brandId, String prefix, String admin) {
        brand(brandId);
        CompanyPrefix proposal = prefixes.find(brandId, prefix)
                .orElseThrow(() -> ProblemException.notFound("Prefix request " + prefix + " of brand " + brandId));
        if (proposal.status == CompanyPrefix.Status.APPROVED) {
            throw ProblemException.conflict("prefix-approved", "Prefix " + prefix + " is approved for brand "
                    + brandId + "; an administrator withdraws it by editing the brand's companyPrefixes");
        }
        decide(proposal, CompanyPrefix.Status.REJECTED, admin);
        return proposal;
    }

    public List<CompanyPrefix> ofBrand(String brandId) {
        return prefixes.ofBrand(brandId);
    }

    public List<CompanyPrefix> pending() {
        return prefixes.withStatus(CompanyPrefix.Status.PROPOSED);
    }

    /**
     * Makes {@code wanted} the brand's approved prefixes, as an administrator decided (registration, or an
     * administrator's edit of the brand). Runs in the caller's transaction; the caller fires BrandChanged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void grantExactly(Brand brand, Collection<String> wanted, String admin) {
        List<String> target = List.copyOf(new LinkedHashSet<>(wanted));
        target.forEach(CompanyPrefixService::checkShape);
        prefixes.lockGrants();
        target.forEach(prefix -> refuseIfTakenByAnother(brand.id, prefix));
        for (String withdrawn : brand.companyPrefixes) {
            if (!target.contains(withdrawn)) {
                prefixes.find(brand.id, withdrawn).ifPresent(p -> decide(p, CompanyPrefix.Status.REJECTED, admin));
            }
        }
        for (String prefix : target) {
            CompanyPrefix granted = prefixes.find(brand.id, prefix).orElseGet(() -> {
                CompanyPrefix created = new CompanyPrefix();
                created.brandId = brand.id;
                created.prefix = prefix;
                created.proposedBy = admin;
                created.proposedAt = Instant.now();
                created.status = CompanyPrefix.Status.PROPOSED;
                prefixes.persist(created);
                return created;
            });
            if (granted.status != CompanyPrefix.Status.APPROVED) {
                decide(granted, CompanyPrefix.Status.APPROVED, admin);
            }
        }
        brand.companyPrefixes = target;
        brand.updatedAt = Instant.now();
    }

    /**
     * Refuses a prefix that overlaps another brand's approved one, without naming that brand: to a brand, who holds
     * which prefix is none of its business.
     */
    void refuseIfTakenByAnother(String brandId, String prefix) {
        if (!prefixes.approvedOverlapsOfOthers(prefix, brandId).isEmpty()) {
            throw ProblemException.conflict("prefix-granted-to-another-brand", "GS1 company prefix " + prefix
                    + " is, contains or lies inside a prefix granted to another brand");
        }
    }

    static void checkShape(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw ProblemException.badRequest("validation",
                    "prefix: must be a GS1 company prefix of 6 to 12 digits");
        }
    }

    private void grantTo(Brand brand, List<String> added) {
        List<String> approved = new ArrayList<>(brand.companyPrefixes);
        added.stream().filter(p -> !approved.contains(p)).forEach(approved::add);
        brand.companyPrefixes = List.copyOf(approved);
        brand.updatedAt = Instant.now();
    }

    private static void decide(CompanyPrefix prefix, CompanyPrefix.Status status, String by) {
        prefix.status = status;
        prefix.decidedBy = by;
        prefix.decidedAt = Instant.now();
    }

    private Brand brand(String brandId) {
        return brands.findByIdOptional(brandId).orElseThrow(() -> ProblemException.notFound("Brand " + brandId));
    }

    static void checkVersion(Brand brand, long expectedVersion) {
        if (brand.version != expectedVersion) {
            throw ProblemException.preconditionFailed("Brand " + brand.id + " is at version " + brand.version
                    + ", not " + expectedVersion + ": read it again before changing it");
        }
    }
}
