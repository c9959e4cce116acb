package org.openipm.codes;

/**
 * One reason an input is not valid.
 *
 * @param code     stable machine code, see {@link ProblemCodes}
 * @param message  human readable explanation
 * @param position 0-based character position in the original input, or {@code null} if not meaningful
 */
public record Problem(String code, String message, Integer position) {}
