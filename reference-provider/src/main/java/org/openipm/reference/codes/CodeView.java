package org.openipm.reference.codes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One issued code with its scans, as its brand sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeView(String brandId, String gtin, String serial, String uri, Instant issuedAt, int scanCount,
        String firstSeenCountry, Instant firstSeenAt, List<ScanView> scans) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScanView(UUID requestId, String authority, String country, String office, Double latitude,
            Double longitude, Instant scannedAt) {
    }
}
