package org.openipm.platform.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * Tells a caller how this service sees its token: the first call to make with a new token, and the quickest way
 * for an operator to check an identity provider's claims.
 */
@Path("/api/v1/me")
@Authenticated
public class WhoAmIResource {

    private final Caller caller;
    private final org.eclipse.microprofile.jwt.JsonWebToken token;

    public WhoAmIResource(Caller caller, org.eclipse.microprofile.jwt.JsonWebToken token) {
        this.caller = caller;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Identity me() {
        return new Identity(caller.subject(), token.getGroups(), caller.org().orElse(null),
                caller.country().orElse(null));
    }

    public record Identity(String subject, Set<String> roles, String org, String country) {
    }
}
