package org.openipm.product;

import jakarta.ws.rs.core.EntityTag;
import org.openipm.platform.problem.ProblemException;

/** Optimistic concurrency at the edge: the entity version travels as a strong ETag and comes back in If-Match. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** A write without If-Match could silently undo someone else's change, so it is refused (RFC 6585, 428). */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(org.openipm.platform.problem.Problem.of("precondition-required",
                    "Precondition Required", 428, "Send If-Match with the ETag you read"));
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-if-match", "If-Match must be an ETag this service issued");
        }
    }
}
