package org.openipm.product.brand;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.domain.BrandDetails;
import org.openipm.product.domain.Contact;

@ApplicationScoped
public class BrandService {

    private final BrandRepository brands;
    private final CompanyPrefixService prefixes;
    private final BrandChanges changes;

    public BrandService(BrandRepository brands, CompanyPrefixService prefixes, BrandChanges changes) {
        this.brands = brands;
        this.prefixes = prefixes;
        this.changes = changes;
    }

    /** An administrator registers a brand; the prefixes it lists are granted at once (seen on the GS1 licence). */
    @Transactional
    public BrandDetails register(BrandRequest request, String admin) {
        if (request.id() == null) {
            throw ProblemException.badRequest("validation", "id: must be given when registering a brand");
        }
        if (brands.findByIdOptional(request.id()).isPresent()) {
            throw ProblemException.conflict("brand-exists", "Brand " + request.id() + " is already registered");
        }
        Brand brand = new Brand();
        brand.id = request.id();
        brand.createdAt = Instant.now();
        apply(brand, request);
        brands.persist(brand);
        brands.flush();
        prefixes.grantExactly(brand, request.companyPrefixes() == null ? List.of() : request.companyPrefixes(), admin);
        brands.flush();
        return brand.details();
    }

    /**
     * A brand edits its name, countries and contacts. {@code companyPrefixes} in the body is left out (null: kept),
     * or must list exactly the approved prefixes (what a GET returned); anything else is refused: a brand proposes
     * prefixes through its prefix requests. An administrator's list replaces the approved prefixes (granting new
     * ones, withdrawing the others). A change products carry (name, contacts, prefixes) republishes them.
     */
    @Transactional
    public BrandDetails update(String id, long expectedVersion, BrandRequest request, boolean byAdmin,
            String changedBy) {
        Brand brand = changes.existing(id);
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.badRequest("id-mismatch", "The body names brand " + request.id() + ", the path " + id);
        }
        BrandChanges.requireVersion(brand, expectedVersion);
        List<String> wanted = request.companyPrefixes();
        boolean prefixesChange = wanted != null && !new HashSet<>(wanted).equals(new HashSet<>(brand.companyPrefixes));
        if (prefixesChange) {
            wanted.forEach(prefix -> prefixes.refuseIfTakenByAnother(id, prefix));
            if (!byAdmin) {
                throw ProblemException.badRequest("prefixes-granted-by-admin", "companyPrefixes cannot be changed "
                        + "by the brand: leave it out, or send the approved ones " + brand.companyPrefixes
                        + "; propose a new prefix with POST /api/v1/brands/" + id + "/prefix-requests");
            }
        }
        BrandChanges.Before before = changes.before(brand);
        apply(brand, request);
        if (prefixesChange) {
            prefixes.grantExactly(brand, wanted, changedBy);
        }
        // Countries are not shown on products: only a change of the facts they show republishes them.
        if (!before.facts().equals(brand.facts())) {
            changes.announce(before, null, changedBy);
        }
        brands.flush();
        return brand.details();
    }

    public Optional<BrandDetails> find(String id) {
        return brands.findByIdOptional(id).map(Brand::details);
    }

    public List<BrandDetails> all() {
        return brands.listAll(Sort.by("id")).stream().map(Brand::details).toList();
    }

    private static void apply(Brand brand, BrandRequest request) {
        brand.name = request.name();
        brand.countries = request.countries() == null ? List.of() : List.copyOf(request.countries());
        brand.contacts = request.contacts() == null ? List.of() : request.contacts().stream()
                .map(c -> new Contact(c.country() == null ? "*" : c.country(), c.language(), c.role(), c.name(),
                        c.email(), c.phone(), c.hours(), c.urgent()))
                .toList();
        brand.updatedAt = Instant.now();
    }
}
