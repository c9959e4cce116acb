package org.openipm.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * The limits the HTTP edge enforces itself, so that a request past one of them gets a problem+json answer.
 * Vert.x's own limits ({@code quarkus.http.limits.*}) are kept above these: they remain the last guard of memory
 * and answer without a body, so a client should never meet them.
 */
@ConfigMapping(prefix = "openipm.http")
public interface HttpLimits {

    /** Longest request target (path and query string), in bytes: past it, 414. */
    @WithDefault("8K")
    MemorySize maxRequestTarget();

    /** Largest total of header names and values, in bytes: past it, 431. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /** Largest JSON body, counted on the bytes received (chunked too): past it, 413. */
    @WithDefault("1M")
    MemorySize maxJsonBodySize();

    /** Largest body of any other type on a route no {@link #routes() route limit} names. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Larger (or smaller) limits for uploads, by name: {@code openipm.http.routes.images.path=...}. */
    Map<String, RouteLimit> routes();

    /** Deepest paging: a page whose first item lies past this offset is refused (400). */
    @WithDefault("10000")
    long maxPageOffset();

    Json json();

    interface RouteLimit {
        /** A regular expression the whole request path must match. */
        String path();

        MemorySize maxBodySize();
    }

    /** Jackson's stream-read constraints: what one JSON document may hold, whatever its size. */
    interface Json {
        @WithDefault("32")
        int maxNestingDepth();

        /** Characters in one string value (a name, a description). */
        @WithDefault("65536")
        int maxStringLength();

        /** Digits in one number. */
        @WithDefault("64")
        int maxNumberLength();
    }
}
