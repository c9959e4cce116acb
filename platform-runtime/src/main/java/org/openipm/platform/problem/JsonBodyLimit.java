package org.openipm.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * JSON requests describe one resource and stay small; uploads (imports, images) may be larger and are bounded
 * by the HTTP layer's own limit. Refusing an oversized JSON body before it is read keeps a 10 MB document from
 * being parsed at all.
 */
public class JsonBodyLimit {

    private final long maxJsonBytes;

    public JsonBodyLimit(@ConfigProperty(name = "openipm.http.max-json-body-size", defaultValue = "1048576") long maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, UriInfo uri) {
        MediaType type = request.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json") || request.getLength() <= maxJsonBytes) {
            return null;
        }
        Problem problem = Problem.of("payload-too-large", "Content Too Large", 413,
                "A JSON body may hold at most " + maxJsonBytes + " bytes; this one has " + request.getLength())
                .withInstance(uri.getPath());
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
