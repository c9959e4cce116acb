package org.openipm.product.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.product.domain.BrandFacts;
import org.openipm.product.domain.Category;
import org.openipm.product.domain.CodePattern;
import org.openipm.product.domain.Contact;
import org.openipm.product.domain.Feature;
import org.openipm.product.domain.ProductDetails;
import org.openipm.product.domain.ProductStatus;
import org.openipm.product.domain.TacRange;
import org.openipm.product.domain.TradePartner;

/** What consumers of product-events read is made from the domain product in one place, field by field. */
class ProductSnapshotsTest {

    @Test
    void theSnapshotCarriesTheProductItsBrandAndWhichGtinsAreVerified() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-01T10:15:30Z");
        BrandFacts brand = new BrandFacts("acme", "Acme", List.of("952012"),
                List.of(new Contact("*", "en", "legal", "IPR desk", "ipr@acme.example", "+33 1 23 45 67 89", "9-17",
                        true)));
        ProductDetails product = new ProductDetails(id, brand, "W-1", "Watch", Category.WATCHES, "Steel",
                ProductStatus.PUBLISHED, 7, List.of("09520123456788", "00000096385074"), List.of("09520123456788"),
                List.of(new TacRange("35000000", "35009999")), List.of(new CodePattern("p1", "ACME-[0-9]{8}", null)),
                List.of(new Feature("SECURITY", "UV mark", null, "strap", null, "COVERT")),
                List.of(new TradePartner("DISTRIBUTOR", "Acme EU", "FR")), List.of("img-1"), at);

        ProductSnapshot snapshot = ProductSnapshots.of(product);

        assertThat(snapshot).isEqualTo(new ProductSnapshot(id, "acme", "Acme", List.of("952012"), "W-1", "Watch",
                "WATCHES", "Steel", "PUBLISHED", 7, List.of("09520123456788", "00000096385074"),
                List.of(new ProductSnapshot.TacRange("35000000", "35009999")),
                List.of(new ProductSnapshot.CodePattern("p1", "ACME-[0-9]{8}", null)),
                List.of(new ProductSnapshot.Feature("SECURITY", "UV mark", null, "strap", null, "COVERT")),
                List.of(new ProductSnapshot.TradePartner("DISTRIBUTOR", "Acme EU", "FR")),
                List.of(new ProductSnapshot.Contact("*", "en", "legal", "IPR desk", "ipr@acme.example",
                        "+33 1 23 45 67 89", "9-17", true)),
                List.of("img-1"), at, List.of("09520123456788")));
        assertThat(snapshot.verifies("00000096385074")).isFalse();
    }
}
