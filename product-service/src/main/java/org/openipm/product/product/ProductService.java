package org.openipm.product.product;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.codes.PatternLimits;
import org.openipm.events.product.ProductSnapshot;
import org.hibernate.exception.ConstraintViolationException;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.Problem.FieldError;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.brand.Brand;
import org.openipm.product.brand.BrandRepository;
import org.openipm.product.brand.GtinOwnership;
import org.openipm.product.brand.LicensedGtinRepository;

/** Product changes and their rules; every committed change leaves a history entry and an outbox event. */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final ProductGtinRepository gtins;
    private final ProductImageRepository images;
    private final BrandRepository brands;
    private final LicensedGtinRepository licensed;
    private final ProductEvents events;

    public ProductService(ProductRepository products, ProductGtinRepository gtins, ProductImageRepository images,
            BrandRepository brands, LicensedGtinRepository licensed, ProductEvents events) {
        this.products = products;
        this.gtins = gtins;
        this.images = images;
        this.brands = brands;
        this.licensed = licensed;
        this.events = events;
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Saved(ProductSnapshot snapshot, Outcome outcome) {
    }

    @Transactional
    public Saved create(String brandId, ProductRequest request, String changedBy) {
        Brand brand = registeredBrand(brandId);
        ProductRules.Checked checked = validated(request);
        if (products.findBySku(brandId, request.sku()).isPresent()) {
            throw duplicateSku(brandId, request.sku());
        }
        checkBrandPatternCap(brand, null, checked);
        return new Saved(insert(brand, request, checked, changedBy), Outcome.CREATED);
    }

    /** Creates the product, or updates the brand's product with the same SKU: what a repeated import does. */
    @Transactional
    public Saved upsertBySku(String brandId, ProductRequest request, String changedBy) {
        Brand brand = registeredBrand(brandId);
        ProductRules.Checked checked = validated(request);
        Optional<Product> existing = products.findBySku(brandId, request.sku());
        checkBrandPatternCap(brand, existing.orElse(null), checked);
        if (existing.isEmpty()) {
            return new Saved(insert(brand, request, checked, changedBy), Outcome.CREATED);
        }
        Product product = existing.get();
        long before = product.version;
        ProductSnapshot after = update(brand, product, request, checked, changedBy, "IMPORTED");
        return new Saved(after, after.version() == before ? Outcome.UNCHANGED : Outcome.UPDATED);
    }

    @Transactional
    public ProductSnapshot update(UUID id, long expectedVersion, ProductRequest request, String changedBy) {
        Product product = products.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Product " + id));
        checkVersion(product, expectedVersion);
        ProductRules.Checked checked = validated(request);
        if (!product.sku.equals(request.sku()) && products.findBySku(product.brandId, request.sku()).isPresent()) {
            throw ProblemException.conflict("duplicate-sku", "Another product already has SKU " + request.sku());
        }
        Brand brand = brands.findById(product.brandId);
        checkBrandPatternCap(brand, product, checked);
        return update(brand, product, request, checked, changedBy, "UPDATED");
    }

    @Transactional
    public ProductSnapshot changeStatus(UUID id, Long expectedVersion, ProductStatus status, String changedBy) {
        Product product = products.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Product " + id));
        if (expectedVersion != null) {
            checkVersion(product, expectedVersion);
        }
        if (product.status == status) {
            return snapshotOf(product);
        }
        ProductSnapshot before = snapshotOf(product);
        product.status = status;
        product.updatedAt = Instant.now();
        products.flush();
        ProductSnapshot after = snapshotOf(product);
        events.changed(before, after, status.name(), changedBy);
        return after;
    }

    /** Called inside the upload's transaction once the image row is written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void imagesChanged(Product product, String changedBy) {
        ProductSnapshot before = snapshotOf(product);
        List<String> imageIds = images.idsOf(product.id);
        ProductSnapshot previous = new ProductSnapshot(before.productId(), before.brandId(), before.brandName(),
                before.brandCompanyPrefixes(), before.sku(), before.name(), before.category(), before.description(),
                before.status(), before.version(), before.gtins(), before.tacRanges(), before.codePatterns(),
                before.features(), before.tradePartners(), before.contacts(),
                imageIds.subList(0, imageIds.size() - 1), before.changedAt(), before.verifiedGtins());
        product.updatedAt = Instant.now();
        products.flush();
        events.changed(previous, snapshotOf(product), "IMAGE_ADDED", changedBy);
    }

    public Optional<Product> find(UUID id) {
        return products.findByIdOptional(id);
    }

    public ProductSnapshot snapshotOf(Product product) {
        return snapshot(product, brands.findById(product.brandId), gtins.gtinsOf(product.id),
                images.idsOf(product.id));
    }

    private ProductSnapshot snapshot(Product product, Brand brand, List<String> gtins14, List<String> imageIds) {
        // Nearly every GTIN lies in an approved prefix: the licence table is read only for those outside (imports).
        List<String> outside = gtins14.stream().filter(g -> !brand.licensesPrefixOf(g)).toList();
        GtinOwnership ownership = new GtinOwnership(brand.companyPrefixes, licensed.licensedAmong(brand.id, outside));
        return ProductEvents.snapshot(product, brand, gtins14, imageIds, ownership.verified(gtins14));
    }

    /** Warnings a brand should act on: GTINs it is not known to own, GTINs other brands claim too. */
    public List<String> warningsFor(ProductSnapshot product) {
        List<String> warnings = new ArrayList<>();
        for (String gtin : product.gtins()) {
            if (!product.verifies(gtin)) {
                warnings.add("GTIN " + gtin + " is unverified: it is outside the brand's GS1 company prefixes "
                        + product.brandCompanyPrefixes() + " approved by an administrator and not licensed to it "
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

    public ProductPage list(Filter filter, int page, int size, Sort sort) {
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
        List<ProductView> items = found.list().stream()
                .map(p -> ProductView.of(snapshotOf(p), List.of())).toList();
        return new ProductPage(items, page, size, found.count());
    }

    private ProductSnapshot insert(Brand brand, ProductRequest request, ProductRules.Checked checked, String changedBy) {
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
        ProductSnapshot after = snapshot(product, brand, checked.gtins(), List.of());
        events.changed(null, after, "CREATED", changedBy);
        return after;
    }

    private ProductSnapshot update(Brand brand, Product product, ProductRequest request, ProductRules.Checked checked,
            String changedBy, String kind) {
        ProductSnapshot before = snapshotOf(product);
        if (request.status() != null) {
            product.status = request.status();
        }
        apply(product, request, checked);
        ProductSnapshot candidate = snapshot(product, brand, checked.gtins(), before.imageIds());
        if (sameContent(before, candidate)) {
            // Re-importing an unchanged row must not create a new version, history entry or event.
            return before;
        }
        product.updatedAt = Instant.now();
        if (!before.gtins().equals(checked.gtins())) {
            gtins.replace(product.id, brand.id, checked.gtins());
        }
        products.flush();
        ProductSnapshot after = snapshot(product, brand, checked.gtins(), before.imageIds());
        events.changed(before, after, kind, changedBy);
        return after;
    }

    private static boolean sameContent(ProductSnapshot a, ProductSnapshot b) {
        return a.sku().equals(b.sku()) && a.name().equals(b.name()) && a.category().equals(b.category())
                && java.util.Objects.equals(a.description(), b.description()) && a.status().equals(b.status())
                && a.gtins().equals(b.gtins()) && a.tacRanges().equals(b.tacRanges())
                && a.codePatterns().equals(b.codePatterns()) && a.features().equals(b.features())
                && a.tradePartners().equals(b.tradePartners());
    }

    private static void apply(Product product, ProductRequest request, ProductRules.Checked checked) {
        product.sku = request.sku();
        product.name = request.name();
        product.category = request.category();
        product.description = request.description();
        product.tacRanges = checked.tacRanges();
        product.codePatterns = checked.codePatterns();
        product.features = request.features() == null ? List.of() : request.features().stream()
                .map(f -> new ProductSnapshot.Feature(f.kind().name(), f.title(), f.description(), f.location(),
                        f.howFakesDiffer(), (f.visibility() == null ? ProductRequest.Visibility.OVERT : f.visibility()).name()))
                .toList();
        product.tradePartners = request.tradePartners() == null ? List.of() : request.tradePartners().stream()
                .map(t -> new ProductSnapshot.TradePartner(t.role().name(), t.name(), t.country())).toList();
    }

    private Brand registeredBrand(String brandId) {
        return brands.findByIdOptional(brandId).orElseThrow(() -> ProblemException.unprocessable("unknown-brand",
                "Brand " + brandId + " is not registered; an administrator registers brands"));
    }

    /** For callers that check rows before opening a transaction (bulk import). */
    public static ProductRules.Checked validated(ProductRequest request) {
        ProductRules.Checked checked = ProductRules.check(request);
        if (!checked.valid()) {
            String detail = checked.errors().stream().map(e -> e.field() + ": " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(Problem.of("validation", "Bad Request", 400, detail).withErrors(checked.errors()));
        }
        return checked;
    }

    /**
     * Every scan is tried against every brand's patterns, so one brand's total is capped. A write that does not add
     * patterns to its product is never refused (a brand over the cap from before can still edit). The brand row is
     * locked so that two concurrent writes cannot both pass the count.
     */
    private void checkBrandPatternCap(Brand brand, Product product, ProductRules.Checked checked) {
        int wanted = checked.codePatterns().size();
        int had = product == null || product.codePatterns == null ? 0 : product.codePatterns.size();
        if (wanted == 0 || wanted <= had) {
            return;
        }
        brands.getEntityManager().lock(brand, LockModeType.PESSIMISTIC_WRITE);
        long others = products.codePatternsOfBrand(brand.id, product == null ? null : product.id);
        if (others + wanted > PatternLimits.MAX_PATTERNS_PER_BRAND) {
            String message = "brand " + brand.id + " would have " + (others + wanted) + " code patterns across its"
                    + " products, at most " + PatternLimits.MAX_PATTERNS_PER_BRAND + " (its other products have "
                    + others + ")";
            throw new ProblemException(Problem.of("too-many-code-patterns", "Unprocessable Content", 422,
                    "codePatterns: " + message).withErrors(List.of(new FieldError("codePatterns", message))));
        }
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
