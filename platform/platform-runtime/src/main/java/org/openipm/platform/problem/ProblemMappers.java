package org.openipm.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** One mapping from every failure a request can meet to an RFC 9457 response. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying while the database is out of reach. */
    static final String RETRY_UNAVAILABLE_AFTER = "5";

    private final JsonReadLimits jsonLimits;

    public ProblemMappers(JsonReadLimits jsonLimits) {
        this.jsonLimits = jsonLimits;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.retryAfterSeconds() > 0) {
            return Response.status(e.problem().status()).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                    .entity(e.problem().withInstance(uri.getPath())).build();
        }
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized("A bearer token is required", uri);
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("The bearer token is missing, expired, not signed by a trusted issuer or malformed", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of("validation", "Bad Request", 400, detail).withErrors(errors), uri);
    }

    // Mapped by its exact type too: the REST layer ships its own mapper for it, and the closest type wins.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response overLimit(StreamConstraintsException e, UriInfo uri) {
        return respond(jsonLimits.problemFor(e), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return overLimit(limit, uri);
            }
        }
        return respond(Problem.of("malformed-json", "Bad Request", 400, JsonErrors.describe(e)), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        // The framework's own message ("HTTP 405 Method Not Allowed", a parameter's class name) is not for clients.
        return respond(Problem.of(kindOf(status), title, status, detailOf(status)), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        var databaseFailure = DatabaseFailures.classify(e);
        if (databaseFailure.isPresent()) {
            return databaseFailure(databaseFailure.get(), e, uri);
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(Problem.of("internal", "Internal Server Error", 500, "The request could not be completed"), uri);
    }

    private static Response databaseFailure(DatabaseFailures.Kind kind, Exception e, UriInfo uri) {
        return switch (kind) {
            case CONCURRENT_CHANGE -> respond(Problem.of("stale-version", "Precondition Failed", 412,
                    "The resource was changed by another request meanwhile: read it again before changing it"), uri);
            case DUPLICATE -> respond(Problem.of("conflict", "Conflict", 409,
                    "The request conflicts with a resource that already exists"), uri);
            case UNAVAILABLE -> {
                LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.toString());
                Problem problem = Problem.of("unavailable", "Service Unavailable", 503,
                        "The service cannot reach its database; retry shortly").withInstance(uri.getPath());
                yield Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER,
                        RETRY_UNAVAILABLE_AFTER).entity(problem).build();
            }
        };
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        Problem problem = Problem.of("unauthorized", "Unauthorized", 401, detail).withInstance(uri.getPath());
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem).build();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath())).build();
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // Paths look like "create.request.name": the method and parameter prefixes mean nothing to a client.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request could not be read";
            case 404 -> "No resource at this address";
            case 405 -> "This resource does not accept this method";
            case 406 -> "This resource cannot answer in any of the accepted media types";
            case 413 -> "The request body is larger than this resource accepts";
            case 415 -> "This resource does not accept this Content-Type";
            default -> status >= 500 ? "The request could not be completed" : "The request was refused";
        };
    }

    private static String kindOf(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }
}
