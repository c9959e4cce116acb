package org.openipm.product.domain;

import java.time.Instant;

/** A GTIN licensed to a brand one by one, outside any company prefix, as an administrator verified it. */
public record GtinLicence(String gtin, String brandId, String grantedBy, Instant grantedAt) {
}
