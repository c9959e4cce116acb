package org.openipm.codes;

/** A brand's proprietary code pattern, supplied by the caller; {@code regex} must match the whole input. */
public record ProprietaryPattern(String patternId, String regex) {}
