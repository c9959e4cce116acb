package org.openipm.platform.problem;

import java.util.Map;
import java.util.Optional;

/**
 * Checks the request line and headers against the edge's own limits. Vert.x's codec limits sit above these and
 * answer with an empty body; these answer first, with a problem, for anything between the two.
 */
public final class RequestHeadLimits {

    private final long maxTargetBytes;
    private final long maxHeaderBytes;

    public RequestHeadLimits(long maxTargetBytes, long maxHeaderBytes) {
        this.maxTargetBytes = maxTargetBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    public Optional<Problem> check(String target, Iterable<Map.Entry<String, String>> headers) {
        if (target.length() > maxTargetBytes) {
            return Optional.of(Problem.of("uri-too-long", "URI Too Long", 414, "The request target (path and query)"
                    + " may hold at most " + maxTargetBytes + " bytes; this one has " + target.length()));
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : headers) {
            // As on the wire: "name: value" and a line break.
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            return Optional.of(Problem.of("headers-too-large", "Request Header Fields Too Large", 431,
                    "The request headers may hold at most " + maxHeaderBytes + " bytes; these have " + headerBytes));
        }
        return Optional.empty();
    }
}
