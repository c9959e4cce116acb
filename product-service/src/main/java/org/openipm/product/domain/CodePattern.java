package org.openipm.product.domain;

/** A brand's proprietary code shape: a bounded regular expression the catalogue accepted as safe. */
public record CodePattern(String patternId, String regex, String description) {
}
