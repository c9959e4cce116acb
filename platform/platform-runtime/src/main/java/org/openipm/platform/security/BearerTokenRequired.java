package org.openipm.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP policy of every {@code /api} path, checked before the request is routed: a caller without a verified
 * token learns nothing about the API (not whether a path exists, nor which methods or media types it takes).
 * Quarkus' own {@code authenticated} policy answers such a caller with an empty 401; failing with
 * {@link UnauthorizedException} instead hands the request to the shared problem+json mappers, like a bad token.
 */
@ApplicationScoped
public class BearerTokenRequired implements HttpSecurityPolicy {

    public static final String NAME = "bearer-token-required";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        return identity.flatMap(caller -> caller == null || caller.isAnonymous()
                ? Uni.createFrom().failure(new UnauthorizedException())
                : CheckResult.permit());
    }

    @Override
    public String name() {
        return NAME;
    }
}
