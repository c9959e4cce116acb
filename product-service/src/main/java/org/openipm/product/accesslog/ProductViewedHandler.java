package org.openipm.product.accesslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.openipm.events.product.ProductViewed;
import org.openipm.platform.events.ProcessedEventRepository;

/** Records a view in the brand's access log, once per event however often it is delivered. */
@ApplicationScoped
public class ProductViewedHandler {

    static final String CONSUMER = "product-service.access-log";

    private final ProcessedEventRepository processed;
    private final AccessLogRepository log;

    public ProductViewedHandler(ProcessedEventRepository processed, AccessLogRepository log) {
        this.processed = processed;
        this.log = log;
    }

    @Transactional
    public void handle(UUID eventId, ProductViewed view) {
        if (!processed.firstDelivery(eventId, CONSUMER)) {
            return;
        }
        AccessLogEntry entry = new AccessLogEntry();
        entry.viewId = view.viewId() == null ? eventId : view.viewId();
        entry.productId = view.productId();
        entry.brandId = view.brandId();
        entry.officer = view.officer();
        entry.authority = view.authority();
        entry.country = view.country();
        entry.code = view.code();
        entry.viewedAt = view.viewedAt();
        log.persist(entry);
    }
}
