package org.openipm.messaging.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openipm.messaging.cases.rules.CaseTrait;

/** A case opened by flagging a shipment: where it is, what it holds, and (for officers only) who trades it. */
@Entity
@Table(name = "shipment_case")
public class ShipmentCase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    public String authority;
    public String country;
    public String office;
    public String transportMode;
    public String originCountry;
    public String destinationCountry;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<GoodsLine> goods = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public Parties parties;
    public String notes;
    /** What the authority stated about the goods (perishable, small consignment...), see CaseWorkflow. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CaseTrait> goodsFacts = new ArrayList<>();
    public String flaggedBy;
    public Instant openedAt;
    public Instant updatedAt;

    /**
     * One declared goods line and the products the officer suspects in it.
     *
     * @param line 1-based
     */
    public record GoodsLine(int line, String description, Double quantity, String unit, String hsCode,
            List<SuspectedProduct> suspectedProducts) {

        /** Whether this line holds a product whose brand's ownership is verified for that brand. */
        public boolean concerns(String brandId) {
            return suspectedProducts.stream().anyMatch(p -> p.makesParticipant(brandId));
        }

        public List<String> brandIds() {
            return suspectedProducts.stream().filter(p -> p.outcome() == MatchOutcome.VERIFIED)
                    .map(SuspectedProduct::brandId).distinct().sorted().toList();
        }
    }

    /**
     * A code exactly as scanned (or a product id the officer picked) and one thing it matched. A code matching
     * several products gives one entry each; a code matching nothing gives one UNMATCHED entry with the reason.
     */
    public record SuspectedProduct(String code, UUID productIdGiven, String gtin, MatchOutcome outcome,
            UUID productId, String productName, String brandId, String brandName, String reason) {

        public boolean makesParticipant(String brand) {
            return outcome == MatchOutcome.VERIFIED && brand.equals(brandId);
        }
    }

    /** Trader, consignee and consignor; any may be absent. */
    public record Parties(Party trader, Party consignee, Party consignor) {
    }

    public record Party(String name, String address, String country, String onlineSellerUrl) {
    }
}
