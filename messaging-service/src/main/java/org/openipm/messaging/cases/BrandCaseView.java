package org.openipm.messaging.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.messaging.cases.deadline.DeadlineView;
import org.openipm.messaging.cases.timeline.TimelineEntryView;

/**
 * A case as a brand participant sees it: where and in which status the shipment is, and only the goods lines that
 * hold the brand's own (verified) products, with only its own products in them. Never the identifiers, the trader,
 * consignee or consignor, the officers' notes, other brands, links to other cases, or timeline entries meant
 * for others. Of the legal deadlines, those the right holders must meet and those deciding what becomes of the
 * goods, never those between the authority and the importer.
 */
public record BrandCaseView(UUID id, CaseStatus status, Instant openedAt, String authority, String country,
        String office, String transportMode, String originCountry, String destinationCountry,
        List<Goods> goods, List<String> authorities, List<TimelineEntryView> timeline, List<String> goodsFacts,
        List<DeadlineView> deadlines) {

    public record Goods(int line, String description, Double quantity, String unit, String hsCode,
            List<Product> products) {
    }

    /** One of the brand's products as the officer named it: the code as scanned, or the product id picked. */
    public record Product(String code, UUID productId, String productName, String gtin) {
    }
}
