package org.openipm.product.product;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.brand.Brand;
import org.openipm.product.brand.BrandRepository;
import org.openipm.product.domain.Category;
import org.openipm.product.domain.ProductDetails;
import org.openipm.product.domain.ProductStatus;

/** Product changes and their rules; every committed change leaves a history entry and an outbox event. */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final ProductGtinRepository gtins;
    private final BrandRepository brands;
    private final ProductDetailsLoader loader;
    private final CodePatternCap patternCap;
    private final ProductEvents events;

    public ProductService(ProductRepository products, ProductGtinRepository gtins, BrandRepository brands,
            ProductDetailsLoader loader, CodePatternCap patternCap, ProductEvents events) {
        this.products = products;
        this.gtins = gtins;
        this.brands = brands;
        this.loader = loader;
        this.patternCap = patternCap;
        this.events = events;
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Saved(ProductDetails product, Outcome outcome) {
    }

    @Transactional
    public Saved create(String brandId, ProductRequest request, String changedBy) {
        Brand brand = registeredBrand(brandId);
        ProductRules.Checked checked = ProductRules.requireValid(request);
        if (products.findBySku(brandId, request.sku()).isPresent()) {
            throw duplicateSku(brandId, request.sku());
        }
        patternCap.check(brand, null, checked.codePatterns().size());
        return new Saved(insert(brand, request, checked, changedBy), Outcome.CREATED);
    }

    /** Creates the product, or updates the brand's product with the same SKU: what a repeated import does. */
    @Transactional
    public Saved upsertBySku(String brandId, ProductRequest request, String changedBy) {
        Brand brand = registeredBrand(brandId);
        ProductRules.Checked checked = ProductRules.requireValid(request);
        Optional<Product> existing = products.findBySku(brandId, request.sku());
        patternCap.check(brand, existing.orElse(null), checked.codePatterns().size());
        if (existing.isEmpty()) {
            return new Saved(insert(brand, request, checked, changedBy), Outcome.CREATED);
        }
        Product product = existing.get();
        long before = product.version;
        ProductDetails after = update(brand, product, request, checked, changedBy, "IMPORTED");
        return new Saved(after, after.version() == before ? Outcome.UNCHANGED : Outcome.UPDATED);
    }

    @Transactional
    public ProductDetails update(UUID id, long expectedVersion, ProductRequest request, String changedBy) {
        Product product = existing(id);
        checkVersion(product, expectedVersion);
        ProductRules.Checked checked = ProductRules.requireValid(request);
        if (!product.sku.equals(request.sku()) && products.findBySku(product.brandId, request.sku()).isPresent()) {
            throw ProblemException.conflict("duplicate-sku", "Another product already has SKU " + request.sku());
        }
        Brand brand = brands.findById(product.brandId);
        patternCap.check(brand, product, checked.codePatterns().size());
        return update(brand, product, request, checked, changedBy, "UPDATED");
    }

    @Transactional
    public ProductDetails changeStatus(UUID id, Long expectedVersion, ProductStatus status, String changedBy) {
        Product product = existing(id);
        if (expectedVersion != null) {
            checkVersion(product, expectedVersion);
        }
        ProductDetails before = loader.detailsOf(product);
        if (product.status == status) {
            return before;
        }
        product.status = status;
        product.updatedAt = Instant.now();
        products.flush();
        // Only the row changed: its codes, images and brand are those just read.
        ProductDetails after = product.toDetails(before.brand(), before.gtins(), before.verifiedGtins(),
                before.imageIds());
        events.changed(before, after, status.name(), changedBy);
        return after;
    }

    public Optional<ProductDetails> details(UUID id) {
        return products.findByIdOptional(id).map(loader::detailsOf);
    }

    /** Warnings a brand should act on: GTINs it is not known to own, GTINs other brands claim too. */
    public List<String> warningsFor(ProductDetails product) {
        List<String> warnings = new ArrayList<>();
        for (String gtin : product.gtins()) {
            if (!product.verifies(gtin)) {
                warnings.add("GTIN " + gtin + " is unverified: it is outside the brand's GS1 company prefixes "
                        + product.brand().companyPrefixes() + " approved by an administrator and not licensed to it "
                        + "one by one; officers see it as unverified and its scans are not logged as the brand's. "
                        + "Propose the prefix with POST /api/v1/brands/" + product.brandId() + "/prefix-requests");
            }
            List<String> others = gtins.otherClaimants(gtin, product.brandId());
            if (!others.isEmpty()) {
                warnings.add("GTIN " + gtin + " is also claimed by another brand; an administrator will resolve it");
            }
        }
        return warnings;
    }

    public record Filter(String brandId, ProductStatus status, Category category, String text) {
    }

    /** One page of the products the filter selects, and how many it selects in all. */
    public record Found(List<ProductDetails> items, long total) {
    }

    public Found list(Filter filter, int page, int size, Sort sort) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.brandId() != null) {
            query.append(" and brandId = :brand");
            parameters.and("brand", filter.brandId());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.category() != null) {
            query.append(" and category = :category");
            parameters.and("category", filter.category());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.append(" and (lower(name) like :text or lower(sku) like :text)");
            parameters.and("text", "%" + filter.text().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var found = products.find(query.toString(), sort, parameters).page(Page.of(page, size));
        return new Found(found.list().stream().map(loader::detailsOf).toList(), found.count());
    }

    private ProductDetails insert(Brand brand, ProductRequest request, ProductRules.Checked checked,
            String changedBy) {
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.brandId = brand.id;
        product.createdAt = Instant.now();
        product.updatedAt = product.createdAt;
        product.status = request.status() == null ? ProductStatus.DRAFT : request.status();
        apply(product, request, checked);
        products.persist(product);
        gtins.add(product.id, brand.id, checked.gtins());
        try {
            products.flush();
        } catch (PersistenceException e) {
            // Two creates of one SKU at the same moment both pass the check above; the unique key decides.
            if (violates(e, "product_sku_unique")) {
                throw duplicateSku(brand.id, request.sku());
            }
            throw e;
        }
        ProductDetails created = loader.detailsOf(product, brand, checked.gtins(), List.of());
        events.changed(null, created, "CREATED", changedBy);
        return created;
    }

    private ProductDetails update(Brand brand, Product product, ProductRequest request, ProductRules.Checked checked,
            String changedBy, String kind) {
        ProductDetails before = loader.detailsOf(product);
        if (request.status() != null) {
            product.status = request.status();
        }
        apply(product, request, checked);
        List<String> verified = loader.verifiedGtins(brand, checked.gtins());
        ProductDetails candidate = product.toDetails(before.brand(), checked.gtins(), verified, before.imageIds());
        if (before.hasSameContentAs(candidate)) {
            // Re-importing an unchanged row must not create a new version, history entry or event.
            return before;
        }
        product.updatedAt = Instant.now();
        if (!before.gtins().equals(checked.gtins())) {
            gtins.replace(product.id, brand.id, checked.gtins());
        }
        products.flush(); // moves the version
        ProductDetails after = product.toDetails(before.brand(), checked.gtins(), verified, before.imageIds());
        events.changed(before, after, kind, changedBy);
        return after;
    }

    private static void apply(Product product, ProductRequest request, ProductRules.Checked checked) {
        product.sku = request.sku();
        product.name = request.name();
        product.category = request.category();
        product.description = request.description();
        product.tacRanges = checked.tacRanges();
        product.codePatterns = checked.codePatterns();
        product.features = checked.features();
        product.tradePartners = checked.tradePartners();
    }

    private Product existing(UUID id) {
        return products.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Product " + id));
    }

    private Brand registeredBrand(String brandId) {
        return brands.findByIdOptional(brandId).orElseThrow(() -> ProblemException.unprocessable("unknown-brand",
                "Brand " + brandId + " is not registered; an administrator registers brands"));
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return constraint.equalsIgnoreCase(violation.getConstraintName());
            }
        }
        return false;
    }

    private static ProblemException duplicateSku(String brandId, String sku) {
        return ProblemException.conflict("duplicate-sku", "Brand " + brandId + " already has a product with SKU " + sku);
    }

    private static void checkVersion(Product product, long expectedVersion) {
        if (product.version != expectedVersion) {
            throw ProblemException.preconditionFailed("Product " + product.id + " is at version " + product.version
                    + ", not " + expectedVersion + ": read it again before changing it");
        }
    }
}
