package org.openipm.platform.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.openipm.platform.problem.Problem;

/**
 * Applies {@link CallerRateLimiter} to every API request, keyed by the verified token's subject and
 * organisation: one caller over its allowance gets 429 with {@code Retry-After}, everybody else is served.
 * Runs before the request is matched to a resource, so a refused request costs no body parsing.
 */
public class RateLimitFilter {

    private final boolean enabled;
    private final CallerRateLimiter limiter;

    public RateLimitFilter(RateLimitSettings settings) {
        this.enabled = settings.enabled();
        this.limiter = new CallerRateLimiter(settings);
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!enabled) {
            return null;
        }
        Optional<OperationClass> operation = OperationClass.of(request.getMethod(), http.path());
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (operation.isEmpty() || principal == null) {
            return null;
        }
        long retryAfterSeconds = limiter.tryAcquire(operation.get(), callerKey(principal));
        if (retryAfterSeconds == 0) {
            return null;
        }
        Problem problem = Problem.of("rate-limited", "Too Many Requests", 429,
                "Too many " + operation.get().name().toLowerCase() + " requests from this caller; retry in "
                        + retryAfterSeconds + " s").withInstance(http.path());
        return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .entity(problem).build();
    }

    /** The subject alone is not unique across identity-provider tenants; with the organisation it is. */
    static String callerKey(Principal principal) {
        Object org = principal instanceof JsonWebToken token ? token.getClaim("org") : null;
        return principal.getName() + '\u0000' + (org == null ? "" : org);
    }
}
