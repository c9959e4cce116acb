package org.openipm.events.product;

/** A product was created or changed while still a draft: kept inside the catalogue's consumers, never shown. */
public record ProductDrafted(ProductSnapshot product) {
}
