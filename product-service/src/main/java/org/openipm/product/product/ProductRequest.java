package org.openipm.product.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openipm.codes.PatternLimits;
import org.openipm.product.domain.Category;
import org.openipm.product.domain.ProductStatus;

/**
 * A product as a brand submits it, by API or by import row. {@code brandId} may be left out by a brand user; when
 * given it must be the caller's own brand. {@code status} left out keeps the current one (DRAFT for a new product).
 */
public record ProductRequest(
        String brandId,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "must be letters, digits, '.', '_', '/' or '-'") String sku,
        @NotBlank @Size(max = 300) String name,
        @NotNull Category category,
        @Size(max = 10_000) String description,
        ProductStatus status,
        @Size(max = 100) List<@NotBlank String> gtins,
        @Size(max = 100) List<@Valid TacRangeRequest> tacRanges,
        @Size(max = PatternLimits.MAX_PATTERNS_PER_PRODUCT, message = "at most {max} code patterns per product")
        List<@Valid CodePatternRequest> codePatterns,
        @Size(max = 100) List<@Valid FeatureRequest> features,
        @Size(max = 200) List<@Valid TradePartnerRequest> tradePartners) {

    public record TacRangeRequest(
            @NotNull @Pattern(regexp = "\\d{8}", message = "must be an 8-digit TAC") String firstTac,
            @Pattern(regexp = "\\d{8}", message = "must be an 8-digit TAC") String lastTac) {
    }

    public record CodePatternRequest(
            @Pattern(regexp = "[A-Za-z0-9._-]{1,50}", message = "must be 1-50 letters, digits, '.', '_' or '-'") String patternId,
            @NotBlank @Size(max = PatternLimits.MAX_PATTERN_LENGTH) String regex,
            @Size(max = 500) String description) {
    }

    public record FeatureRequest(
            @NotNull FeatureKind kind,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 5_000) String description,
            @Size(max = 500) String location,
            @Size(max = 5_000) String howFakesDiffer,
            Visibility visibility) {
    }

    public record TradePartnerRequest(
            @NotNull TradeRole role,
            @NotBlank @Size(max = 300) String name,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
    }

    public enum FeatureKind { GENUINE, SECURITY }

    public enum Visibility { OVERT, COVERT }

    public enum TradeRole { MANUFACTURER, EXPORTER, IMPORTER, DISTRIBUTOR, KNOWN_INFRINGER }
}
