package org.openipm.product.domain;

public enum ProductStatus {
    /** Visible to the brand only. */
    DRAFT,
    /** Visible to officers and in lookups. */
    PUBLISHED,
    /** No longer offered: hidden from lookups, kept for history. */
    RETIRED
}
