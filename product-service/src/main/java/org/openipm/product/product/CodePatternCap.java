package org.openipm.product.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.openipm.codes.PatternLimits;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.Problem.FieldError;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.brand.Brand;
import org.openipm.product.brand.BrandRepository;

/**
 * Every scan is tried against every brand's patterns, so one brand's total is capped. A write that does not add
 * patterns to its product is never refused (a brand over the cap from before can still edit).
 */
@ApplicationScoped
public class CodePatternCap {

    private final BrandRepository brands;
    private final ProductRepository products;

    public CodePatternCap(BrandRepository brands, ProductRepository products) {
        this.brands = brands;
        this.products = products;
    }

    /** {@code product} is null for a new one. Locks the brand row, so two concurrent writes cannot both pass. */
    public void check(Brand brand, Product product, int wanted) {
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
}
