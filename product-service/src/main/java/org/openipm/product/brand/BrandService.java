package org.openipm.product.brand;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.domain.BrandFacts;
import org.openipm.product.domain.Contact;

@ApplicationScoped
public class BrandService {

    private final BrandRepository brands;
    private final CompanyPrefixService prefixes;
    private final LicensedGtinRepository licensed;
    private final Event<BrandChanged> brandChanged;

    public BrandService(BrandRepository brands, CompanyPrefixService prefixes, LicensedGtinRepository licensed,
            Event<BrandChanged> brandChanged) {
        this.brands = brands;
        this.prefixes = prefixes;
        this.licensed = licensed;
        this.brandChanged = brandChanged;
    }

    /** An administrator registers a brand; the prefixes it lists are granted at once (seen on the GS1 licence). */
    @Transactional
    public Brand register(BrandRequest request, String admin) {
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
        return brand;
    }

    /**
     * A brand edits its name, countries and contacts. {@code companyPrefixes} in the body is left out (null: kept),
     * or must list exactly the approved prefixes (what a GET returned); anything else is refused: a brand proposes
     * prefixes through its prefix requests. An administrator's list replaces the approved prefixes (granting new
     * ones, withdrawing the others). A change products carry (name, contacts, prefixes) republishes them.
     */
    @Transactional
    public Brand update(String id, long expectedVersion, BrandRequest request, boolean byAdmin, String changedBy) {
        Brand brand = brands.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Brand " + id));
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.badRequest("id-mismatch", "The body names brand " + request.id() + ", the path " + id);
        }
        CompanyPrefixService.checkVersion(brand, expectedVersion);
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
        BrandFacts before = brand.facts();
        apply(brand, request);
        if (prefixesChange) {
            prefixes.grantExactly(brand, wanted, changedBy);
        }
        if (!Objects.equals(before.name(), brand.name) || !before.contacts().equals(brand.contacts) || prefixesChange) {
            brandChanged.fire(new BrandChanged(before, licensed.allOf(id), null, changedBy));
        }
        return brand;
    }

    public Optional<Brand> find(String id) {
        return brands.findByIdOptional(id);
    }

    public List<Brand> all() {
        return brands.listAll(Sort.by("id"));
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
