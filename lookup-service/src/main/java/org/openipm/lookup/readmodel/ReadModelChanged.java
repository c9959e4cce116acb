package org.openipm.lookup.readmodel;

/**
 * Fired inside the transaction that applied a snapshot; observers act after commit. {@code codeReferencesChanged}
 * says whether proprietary patterns or brand company prefixes (the in-memory data of {@link CodeReferenceCache})
 * may have changed.
 */
public record ReadModelChanged(boolean codeReferencesChanged) {
}
