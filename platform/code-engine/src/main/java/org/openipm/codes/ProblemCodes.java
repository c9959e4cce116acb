package org.openipm.codes;

/** The problem codes the engine emits (the {@link Problem#code()} values). */
public final class ProblemCodes {
    private ProblemCodes() {}

    public static final String TOO_LONG = "TOO_LONG";
    /** The code is longer than proprietary patterns are tried on ({@link PatternLimits#MAX_CODE_LENGTH_FOR_PATTERNS}). */
    public static final String TOO_LONG_FOR_PATTERNS = "TOO_LONG_FOR_PATTERNS";
    public static final String UNRECOGNISED = "UNRECOGNISED";
    public static final String CHECK_DIGIT = "CHECK_DIGIT";
    public static final String UNKNOWN_AI = "UNKNOWN_AI";
    public static final String DUPLICATE_AI = "DUPLICATE_AI";
    public static final String BAD_CHARACTER = "BAD_CHARACTER";
    public static final String BAD_LENGTH = "BAD_LENGTH";
    public static final String EMPTY_VALUE = "EMPTY_VALUE";
    public static final String MALFORMED = "MALFORMED";
    public static final String KEY_QUALIFIER_IN_QUERY = "KEY_QUALIFIER_IN_QUERY";
    public static final String INVALID_KEY_QUALIFIER_SEQUENCE = "INVALID_KEY_QUALIFIER_SEQUENCE";
    public static final String NOT_DL_ATTRIBUTE = "NOT_DL_ATTRIBUTE";
    public static final String NO_PRIMARY_KEY = "NO_PRIMARY_KEY";
    public static final String INVALID_URI = "INVALID_URI";
    public static final String MISSING_REQUIRED_AI = "MISSING_REQUIRED_AI";
    public static final String EXCLUSIVE_AIS = "EXCLUSIVE_AIS";
    public static final String INVALID_DATE = "INVALID_DATE";
    public static final String INVALID_TIME = "INVALID_TIME";
    public static final String INVALID_COUNTRY = "INVALID_COUNTRY";
    public static final String INVALID_CURRENCY = "INVALID_CURRENCY";
    public static final String INVALID_PERCENT_ENCODING = "INVALID_PERCENT_ENCODING";
    public static final String INVALID_COMPANY_PREFIX = "INVALID_COMPANY_PREFIX";
    /** A GTIN of fewer than 14 digits in a GS1 Digital Link URI (zero-padded for the lookup all the same). */
    public static final String GTIN_NOT_14_DIGITS = "GTIN_NOT_14_DIGITS";
    /** A compressed GS1 Digital Link URI whose compressed segment cannot be decoded. */
    public static final String INVALID_COMPRESSION = "INVALID_COMPRESSION";
    /** Any other linter failure (winding direction, piece of total, IBAN, coupon, ...). */
    public static final String INVALID_VALUE = "INVALID_VALUE";
}
