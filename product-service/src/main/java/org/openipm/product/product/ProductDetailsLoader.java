package org.openipm.product.product;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openipm.product.brand.Brand;
import org.openipm.product.brand.BrandRepository;
import org.openipm.product.brand.LicensedGtinRepository;
import org.openipm.product.domain.GtinOwnership;
import org.openipm.product.domain.ProductDetails;

/** Reads the parts of a product kept outside its row (GTINs, images, its brand) and decides which GTINs are verified. */
@ApplicationScoped
public class ProductDetailsLoader {

    private final BrandRepository brands;
    private final ProductGtinRepository gtins;
    private final ProductImageRepository images;
    private final LicensedGtinRepository licensed;

    public ProductDetailsLoader(BrandRepository brands, ProductGtinRepository gtins, ProductImageRepository images,
            LicensedGtinRepository licensed) {
        this.brands = brands;
        this.gtins = gtins;
        this.images = images;
        this.licensed = licensed;
    }

    public ProductDetails detailsOf(Product product) {
        return detailsOf(product, brands.findById(product.brandId), gtins.gtinsOf(product.id),
                images.idsOf(product.id));
    }

    public ProductDetails detailsOf(Product product, Brand brand, List<String> gtins14, List<String> imageIds) {
        return product.toDetails(brand.facts(), gtins14, verifiedGtins(brand, gtins14), imageIds);
    }

    /** Those of {@code gtins14} the brand is known to own (see GtinOwnership). */
    public List<String> verifiedGtins(Brand brand, List<String> gtins14) {
        // Nearly every GTIN lies in an approved prefix: the licence table is read only for those outside (imports).
        List<String> outside = gtins14.stream().filter(g -> !brand.licensesPrefixOf(g)).toList();
        return new GtinOwnership(brand.companyPrefixes, licensed.licensedAmong(brand.id, outside)).verified(gtins14);
    }
}
