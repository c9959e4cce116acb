package org.openipm.codes;

/**
 * Bounds on brands' proprietary code patterns. Every officer's scan of a code that is no GTIN, IMEI or GS1 string
 * is tried against every published pattern of every brand, so one brand's patterns cost every officer; these
 * numbers keep that cost small and fixed whatever a brand registers. Constants rather than settings: product-service
 * (which refuses patterns) and lookup-service (which runs them) must agree, and raising one is a capacity decision,
 * not an operator's knob. Documented in the product-service and lookup-service READMEs.
 */
public final class PatternLimits {

    private PatternLimits() {
    }

    /** Real serial formats fit in a few dozen characters; the bound keeps every pattern readable and cheap. */
    public static final int MAX_PATTERN_LENGTH = 200;

    /**
     * Instructions of the compiled RE2 program (RE2/J's {@code programSize}): matching costs at most this times the
     * code's length. Real serial formats compile to 10-120; counted repetition multiplies ({@code [A-Z]{1,40}} is
     * about 80, {@code (a{1,100}){1,100}} over 20,000).
     */
    public static final int MAX_PROGRAM_SIZE = 500;

    /** A product has a handful of code formats (box, label, certificate...); ten is generous. */
    public static final int MAX_PATTERNS_PER_PRODUCT = 10;

    /**
     * Across all of one brand's products, counted when a product is written (API or import): bounds what a single
     * brand adds to every scan.
     */
    public static final int MAX_PATTERNS_PER_BRAND = 200;

    /**
     * Codes longer than this are not tried against patterns (the interpretation says so): no known serial format is
     * longer, and it bounds the matching work per scan to patterns x this length.
     */
    public static final int MAX_CODE_LENGTH_FOR_PATTERNS = 100;

    /**
     * A new pattern is refused when it matches more than this share (in percent) of the random sample codes of any
     * one length (see {@link PatternBreadth}): such a pattern would put its brand's product on everybody's scans.
     */
    public static final double MAX_SAMPLE_SHARE_PERCENT = 1.0;
}
