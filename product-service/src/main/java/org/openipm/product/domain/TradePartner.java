package org.openipm.product.domain;

/** A legitimate trade partner or a known infringer; {@code role} is one of ProductRequest.TradeRole's names. */
public record TradePartner(String role, String name, String country) {
}
