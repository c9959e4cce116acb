package org.openipm.product.importing;

/** How an upload is written: by its Content-Type, {@code text/csv} or JSON Lines. */
public enum ImportFormat { CSV, JSONL }
