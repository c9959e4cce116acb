package org.openipm.authentication.catalogue;

import jakarta.inject.Singleton;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.platform.events.CatalogueCopyHandler;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ProductEventReader;

/**
 * Keeps this service's copy of the catalogue (which verified GTIN designates which product and brand,
 * to pick a provider) from product-events.
 */
@Singleton
public class CatalogueHandler extends CatalogueCopyHandler {

    public static final String CONSUMER = "authentication-service.catalogue";

    private final CatalogueRepository catalogue;

    public CatalogueHandler(ProcessedEventRepository processed, ProductEventReader products,
            CatalogueRepository catalogue) {
        super(CONSUMER, processed, products);
        this.catalogue = catalogue;
    }

    @Override
    protected void applySnapshot(ProductSnapshot snapshot) {
        catalogue.apply(snapshot);
    }
}
