package org.openipm.codes;

/**
 * Something the engine did or assumed to read an input, which the user should know but which does not make the input
 * invalid by itself (problems do that).
 *
 * @param code    stable machine code, one of the constants below
 * @param message human readable explanation
 */
public record Note(String code, String message) {

    /** A GS1 element string came without symbology identifier (keyboard-mode scanner, zbarimg, dmtxread). */
    public static final String NO_SYMBOLOGY_IDENTIFIER = "NO_SYMBOLOGY_IDENTIFIER";
    /** Separators (spaces, hyphens) between digit groups were removed, as IMEIs are often printed. */
    public static final String SEPARATORS_REMOVED = "SEPARATORS_REMOVED";
    /** A GTIN of fewer than 14 digits was zero-padded to 14 digits for the lookup. */
    public static final String ZERO_PADDED_GTIN = "ZERO_PADDED_GTIN";
    /** The GS1 Digital Link URI was compressed; its elements were decompressed from the URI path. */
    public static final String DECOMPRESSED = "DECOMPRESSED";
}
