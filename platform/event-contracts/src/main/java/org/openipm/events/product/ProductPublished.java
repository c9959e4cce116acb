package org.openipm.events.product;

/** A product became visible to officers, or a visible product changed. */
public record ProductPublished(ProductSnapshot product) {
}
