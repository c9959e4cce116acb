package org.openipm.platform.ratelimit;

import java.util.Optional;

/** The classes of API operation that are rate-limited, each with its own allowance per caller. */
public enum OperationClass {
    LOOKUP, SEARCH, WRITE;

    /**
     * The class of a request, or empty for one that is not limited (plain reads, anything outside {@code /api}).
     * Decided from the method and path alone, so it costs a few string comparisons.
     */
    public static Optional<OperationClass> of(String method, String path) {
        if (path == null || !path.startsWith("/api/")) {
            return Optional.empty();
        }
        switch (method) {
            case "GET", "HEAD", "OPTIONS" -> {
                String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
                return switch (last) {
                    case "lookup" -> Optional.of(LOOKUP);
                    case "search" -> Optional.of(SEARCH);
                    default -> Optional.empty();
                };
            }
            default -> {
                return Optional.of(WRITE);
            }
        }
    }
}
