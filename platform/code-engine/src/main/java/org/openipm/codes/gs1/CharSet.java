package org.openipm.codes.gs1;

/** The character sets of the GS1 Barcode Syntax Dictionary component types. */
public enum CharSet {
    /** N: digits 0-9. */
    N("digits"),
    /** X: GS1 AI encodable character set 82. */
    X("GS1 character set 82"),
    /** Y: GS1 AI encodable character set 39. */
    Y("GS1 character set 39"),
    /** Z: GS1 AI encodable character set 64 (file-safe / URI-safe base64). */
    Z("GS1 character set 64");

    private static final boolean[] CSET82 = new boolean[128];
    private static final boolean[] CSET39 = new boolean[128];
    private static final boolean[] CSET64 = new boolean[128];

    static {
        for (char c : "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".toCharArray()) {
            CSET82[c] = true;
        }
        for (char c : "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
            CSET39[c] = true;
        }
        for (char c : "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".toCharArray()) {
            CSET64[c] = true;
        }
    }

    private final String description;

    CharSet(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether {@code c} belongs to this set ('=' padding of CSET 64 is checked separately). */
    public boolean contains(char c) {
        if (c >= 128) {
            return false;
        }
        return switch (this) {
            case N -> c >= '0' && c <= '9';
            case X -> CSET82[c];
            case Y -> CSET39[c];
            case Z -> CSET64[c];
        };
    }

    /** Whether {@code c} is a GS1 character set 82 character. */
    public static boolean isCset82(char c) {
        return c < 128 && CSET82[c];
    }
}
