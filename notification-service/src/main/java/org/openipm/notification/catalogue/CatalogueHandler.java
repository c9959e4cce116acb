package org.openipm.notification.catalogue;

import jakarta.inject.Singleton;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.platform.events.CatalogueCopyHandler;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ProductEventReader;

/** Keeps which brand owns which product from {@code product-events}, exactly once per event. */
@Singleton
public class CatalogueHandler extends CatalogueCopyHandler {

    public static final String CONSUMER = "notification-service.catalogue";

    private final BrandProducts products;

    public CatalogueHandler(ProcessedEventRepository processed, ProductEventReader reader, BrandProducts products) {
        super(CONSUMER, processed, reader);
        this.products = products;
    }

    @Override
    protected void applySnapshot(ProductSnapshot snapshot) {
        products.apply(snapshot);
    }
}
