package org.openipm.product.brand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.domain.BrandDetails;
import org.openipm.product.domain.PrefixProposal;

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

    private final CompanyPrefixRepository prefixes;
    private final BrandChanges changes;

    public CompanyPrefixService(CompanyPrefixRepository prefixes, BrandChanges changes) {
        this.prefixes = prefixes;
        this.changes = changes;
    }

    @Transactional
    public Recorded<PrefixProposal> propose(String brandId, String prefix, String proposedBy) {
        Brand brand = changes.existing(brandId);
        checkShape(prefix);
        prefixes.lockGrants();
        refuseIfTakenByAnother(brandId, prefix);
        if (brand.companyPrefixes.stream().anyMatch(prefix::startsWith)) {
            throw ProblemException.conflict("prefix-already-granted", "Prefix " + prefix
                    + " is already covered by the brand's approved prefixes " + brand.companyPrefixes);
        }
        var existing = prefixes.find(brandId, prefix);
        if (existing.isPresent() && existing.get().status == PrefixProposal.Status.PROPOSED) {
            return new Recorded<>(existing.get().proposal(), false);
        }
        CompanyPrefix proposal = existing.orElseGet(CompanyPrefix::new);
        proposal.brandId = brandId;
        proposal.prefix = prefix;
        proposal.status = PrefixProposal.Status.PROPOSED;
        proposal.proposedBy = proposedBy;
        proposal.proposedAt = Instant.now();
        proposal.decidedBy = null;
        proposal.decidedAt = null;
        if (existing.isEmpty()) {
            prefixes.persist(proposal);
        }
        return new Recorded<>(proposal.proposal(), true);
    }

    @Transactional
    public BrandDetails approve(String brandId, String prefix, long expectedVersion, String admin) {
        Brand brand = changes.existing(brandId);
        CompanyPrefix proposal = requested(brandId, prefix);
        BrandChanges.requireVersion(brand, expectedVersion);
        if (proposal.status == PrefixProposal.Status.APPROVED) {
            return brand.details();
        }
        prefixes.lockGrants();
        refuseIfTakenByAnother(brandId, prefix);
        BrandChanges.Before before = changes.before(brand);
        decide(proposal, PrefixProposal.Status.APPROVED, admin);
        grantTo(brand, prefix);
        changes.announce(before, null, admin);
        prefixes.flush();
        return brand.details();
    }

    @Transactional
    public PrefixProposal reject(String brandId, String prefix, String admin) {
        changes.existing(brandId);
        CompanyPrefix proposal = requested(brandId, prefix);
        if (proposal.status == PrefixProposal.Status.APPROVED) {
            throw ProblemException.conflict("prefix-approved", "Prefix " + prefix + " is approved for brand "
                    + brandId + "; an administrator withdraws it by editing the brand's companyPrefixes");
        }
        decide(proposal, PrefixProposal.Status.REJECTED, admin);
        return proposal.proposal();
    }

    public List<PrefixProposal> ofBrand(String brandId) {
        return prefixes.ofBrand(brandId).stream().map(CompanyPrefix::proposal).toList();
    }

    public List<PrefixProposal> pending() {
        return prefixes.withStatus(PrefixProposal.Status.PROPOSED).stream().map(CompanyPrefix::proposal).toList();
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
                prefixes.find(brand.id, withdrawn).ifPresent(p -> decide(p, PrefixProposal.Status.REJECTED, admin));
            }
        }
        for (String prefix : target) {
            CompanyPrefix granted = prefixes.find(brand.id, prefix).orElseGet(() -> {
                CompanyPrefix created = new CompanyPrefix();
                created.brandId = brand.id;
                created.prefix = prefix;
                created.proposedBy = admin;
                created.proposedAt = Instant.now();
                created.status = PrefixProposal.Status.PROPOSED;
                prefixes.persist(created);
                return created;
            });
            if (granted.status != PrefixProposal.Status.APPROVED) {
                decide(granted, PrefixProposal.Status.APPROVED, admin);
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

    private static void grantTo(Brand brand, String prefix) {
        if (!brand.companyPrefixes.contains(prefix)) {
            List<String> approved = new ArrayList<>(brand.companyPrefixes);
            approved.add(prefix);
            brand.companyPrefixes = List.copyOf(approved);
        }
        brand.updatedAt = Instant.now();
    }

    private static void decide(CompanyPrefix prefix, PrefixProposal.Status status, String by) {
        prefix.status = status;
        prefix.decidedBy = by;
        prefix.decidedAt = Instant.now();
    }

    private CompanyPrefix requested(String brandId, String prefix) {
        return prefixes.find(brandId, prefix)
                .orElseThrow(() -> ProblemException.notFound("Prefix request " + prefix + " of brand " + brandId));
    }
}
