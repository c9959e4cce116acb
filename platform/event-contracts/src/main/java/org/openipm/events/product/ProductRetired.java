package org.openipm.events.product;

/** A product is no longer offered; it carries the last snapshot instead of a tombstone so history stays readable. */
public record ProductRetired(ProductSnapshot product) {
}
