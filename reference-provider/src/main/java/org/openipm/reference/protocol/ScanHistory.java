package org.openipm.reference.protocol;

import java.time.Instant;

/** What the provider knows of an issued code after counting the scan being judged. */
public record ScanHistory(int scanCount, String firstSeenCountry, Instant firstSeenAt) {
}
