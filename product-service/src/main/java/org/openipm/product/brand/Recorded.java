package org.openipm.product.brand;

/**
 * What an idempotent grant step answers: the value, and whether this call recorded it (201) or found it already
 * recorded (200). Proposing a prefix and verifying a licensed GTIN both repeat safely.
 */
public record Recorded<T>(T value, boolean created) {
}
