package org.openipm.product.domain;

/** IMEI type allocation codes, first to last inclusive, 8 digits each. */
public record TacRange(String firstTac, String lastTac) {
}
