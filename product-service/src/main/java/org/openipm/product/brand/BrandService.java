package org.openipm.product.brand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openipm.events.product.ProductSnapshot.Contact;
import org.openipm.platform.problem.ProblemException;

@ApplicationScoped
public class BrandService {

    private final BrandRepository brands;

    public BrandService(BrandRepository brands) {
        this.brands = brands;
    }

    @Transactional
    public Brand register(BrandRequest request) {
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
        return brand;
    }

    @Transactional
    public Brand update(String id, long expectedVersion, BrandRequest request) {
        Brand brand = brands.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Brand " + id));
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.badRequest("id-mismatch", "The body names brand " + request.id() + ", the path " + id);
        }
        if (brand.version != expectedVersion) {
            throw ProblemException.preconditionFailed("Brand " + id + " is at version " + brand.version
                    + ", not " + expectedVersion + ": read it again before changing it");
        }
        apply(brand, request);
        return brand;
    }

    public Optional<Brand> find(String id) {
        return brands.findByIdOptional(id);
    }

    public List<Brand> all() {
        return brands.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    private static void apply(Brand brand, BrandRequest request) {
        brand.name = request.name();
        brand.companyPrefixes = request.companyPrefixes() == null ? List.of() : List.copyOf(request.companyPrefixes());
        brand.countries = request.countries() == null ? List.of() : List.copyOf(request.countries());
        brand.contacts = request.contacts() == null ? List.of() : request.contacts().stream()
                .map(c -> new Contact(c.country() == null ? "*" : c.country(), c.language(), c.role(), c.name(),
                        c.email(), c.phone(), c.hours(), c.urgent()))
                .toList();
        brand.updatedAt = Instant.now();
    }
}
