package org.openipm.codes.gs1;

/**
 * A linter finding.
 *
 * @param code    problem code (see {@link org.openipm.codes.ProblemCodes})
 * @param message human message
 * @param offset  0-based offset of the offending character(s) within the linted component
 */
public record LintFailure(String code, String message, int offset) {}
