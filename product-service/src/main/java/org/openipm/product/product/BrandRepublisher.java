package org.openipm.product.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.product.brand.Brand;
import org.openipm.product.brand.BrandChanged;
import org.openipm.product.brand.BrandRepository;
import org.openipm.product.brand.LicensedGtinRepository;
import org.openipm.product.domain.BrandFacts;
import org.openipm.product.domain.GtinOwnership;
import org.openipm.product.domain.ProductDetails;

/**
 * Carries a brand change to the products that show it: each affected product gets a new version, a
 * {@code BRAND_CHANGED} history entry and a new snapshot in the outbox, in the brand change's own transaction.
 * Snapshots stay the one thing consumers read (no second topic to join, no ordering between topics to get right),
 * and the relay delivers them within its usual latency. The cost is linear in the brand's products and bounded:
 * codes and images are read in two brand-wide queries, products whose snapshot would not change are skipped, and
 * only edits of what snapshots carry (name, contacts, prefixes, licensed GTINs) get here.
 */
@ApplicationScoped
public class BrandRepublisher {

    static final String BRAND_CHANGED = "BRAND_CHANGED";

    private final ProductRepository products;
    private final ProductGtinRepository gtins;
    private final ProductImageRepository images;
    private final BrandRepository brands;
    private final LicensedGtinRepository licensed;
    private final ProductEvents events;

    public BrandRepublisher(ProductRepository products, ProductGtinRepository gtins, ProductImageRepository images,
            BrandRepository brands, LicensedGtinRepository licensed, ProductEvents events) {
        this.products = products;
        this.gtins = gtins;
        this.images = images;
        this.brands = brands;
        this.licensed = licensed;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void republish(@Observes BrandChanged change) {
        BrandFacts before = change.previous();
        brands.flush();
        Brand now = brands.findById(before.id());
        Map<UUID, List<String>> codes = gtins.gtinsOfBrand(before.id());
        List<Product> affected = change.onlyProductsWith() == null
                ? products.list("brandId", before.id())
                : products.list("id in ?1", codes.entrySet().stream()
                        .filter(e -> e.getValue().stream().anyMatch(change.onlyProductsWith()::contains))
                        .map(Map.Entry::getKey).toList());
        if (affected.isEmpty()) {
            return;
        }
        Map<UUID, List<String>> pictures = images.idsOfBrand(before.id());
        GtinOwnership ownedBefore = new GtinOwnership(before.companyPrefixes(), change.previouslyLicensed());
        GtinOwnership ownedNow = new GtinOwnership(now.companyPrefixes, licensed.allOf(now.id));
        BrandFacts nowFacts = now.facts();
        Map<Product, ProductDetails> changed = new LinkedHashMap<>();
        for (Product product : affected) {
            List<String> its = codes.getOrDefault(product.id, List.of());
            List<String> imageIds = pictures.getOrDefault(product.id, List.of());
            ProductDetails old = product.toDetails(before, its, ownedBefore.verified(its), imageIds);
            ProductDetails candidate = product.toDetails(nowFacts, its, ownedNow.verified(its), imageIds);
            if (!old.hasSameBrandFactsAs(candidate)) {
                changed.put(product, old);
                product.updatedAt = Instant.now();
            }
        }
        products.flush(); // moves each changed product's version
        for (var entry : changed.entrySet()) {
            ProductDetails old = entry.getValue();
            ProductDetails after = entry.getKey().toDetails(nowFacts, old.gtins(), ownedNow.verified(old.gtins()),
                    old.imageIds());
            events.changed(old, after, BRAND_CHANGED, change.changedBy());
        }
    }
}
