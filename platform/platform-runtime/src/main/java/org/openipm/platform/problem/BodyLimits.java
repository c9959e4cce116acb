package org.openipm.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which body limit applies to a request: the smallest limit of the routes whose pattern matches its path, else the
 * JSON limit for a JSON body, else the default. JSON Lines uploads are not JSON documents and are not held to the
 * JSON limit.
 */
public final class BodyLimits {

    public record Route(Pattern path, long maxBytes) {
    }

    private final List<Route> routes;
    private final long maxJsonBytes;
    private final long maxOtherBytes;

    public BodyLimits(List<Route> routes, long maxJsonBytes, long maxOtherBytes) {
        this.routes = List.copyOf(routes);
        this.maxJsonBytes = maxJsonBytes;
        this.maxOtherBytes = maxOtherBytes;
    }

    public long limitFor(String path, String contentType) {
        return routes.stream().filter(r -> r.path().matcher(path).matches()).mapToLong(Route::maxBytes).min()
                .orElse(isJson(contentType) ? maxJsonBytes : maxOtherBytes);
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
