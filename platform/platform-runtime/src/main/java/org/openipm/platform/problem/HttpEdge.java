package org.openipm.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The limits of the HTTP edge, enforced on what is received rather than on what headers announce: the request
 * target and headers are checked first, then the body is read through a limit chosen for its route and type,
 * counting the bytes as they arrive, so a chunked body stops being read at its limit and never reaches a parser.
 * The REST layer then reads the body buffered here.
 * <p>
 * Failures raised at this level (before any resource runs) are answered as problem+json here as well; failures
 * carrying an exception belong to the handlers that raised them and pass on untouched.
 */
@ApplicationScoped
public class HttpEdge {

    private static final String BODY_LIMIT = "openipm.body-limit";
    private static final String UPLOADS_DIRECTORY = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
            "openipm-uploads").toString();
    private static final int AFTER_AUTHORIZATION = -SecurityHandlerPriorities.AUTHORIZATION + 1;

    private final RequestHeadLimits headLimits;
    private final BodyLimits bodyLimits;
    private final ObjectMapper json;
    private final Map<Long, BodyHandler> bodyReaders = new ConcurrentHashMap<>();
    private final Map<Long, BodyHandler> multipartReaders = new ConcurrentHashMap<>();

    public HttpEdge(HttpLimits limits, ObjectMapper json) {
        this.headLimits = new RequestHeadLimits(limits.maxRequestTarget().asLongValue(),
                limits.maxHeaderSize().asLongValue());
        this.bodyLimits = new BodyLimits(limits.routes().values().stream()
                .map(r -> new BodyLimits.Route(Pattern.compile(r.path()), r.maxBodySize().asLongValue())).toList(),
                limits.maxJsonBodySize().asLongValue(), limits.maxBodySize().asLongValue());
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(this::checkHead);
        // After authentication and authorisation (Quarkus runs those filters at orders -200 and -100): a caller
        // without a valid token is answered 401 before a single byte of its body is buffered.
        router.route().order(AFTER_AUTHORIZATION).handler(this::readBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerStatus);
    }

    private void checkHead(RoutingContext context) {
        HttpServerRequest request = context.request();
        headLimits.check(request.uri(), request.headers())
                .ifPresentOrElse(problem -> respond(context, problem), context::next);
    }

    private void readBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!hasBody(request) || context.body().available()) {
            context.next();
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        long limit = bodyLimits.limitFor(request.path(), contentType);
        context.put(BODY_LIMIT, limit);
        if (BodyLimits.isMultipart(contentType)) {
            // The files of a multipart form go to temporary files (deleted when the request ends), where the REST
            // layer finds them; a body reader that ignored them would hand it the form without its files.
            multipartReaders.computeIfAbsent(limit, l -> BodyHandler.create(UPLOADS_DIRECTORY).setBodyLimit(l)
                    .setDeleteUploadedFilesOnEnd(true)).handle(context);
            return;
        }
        bodyReaders.computeIfAbsent(limit, l -> BodyHandler.create(false).setBodyLimit(l)).handle(context);
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.equals("0"));
    }

    /**
     * The body reader's own failures (over the limit, unreadable) become problems. Everything else passes on to
     * the handler meant for it: an authentication failure, for one, must keep its own answer and headers.
     */
    private void answerStatus(RoutingContext context) {
        Throwable failure = context.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode()
                : failure == null ? context.statusCode() : -1;
        Long bodyLimit = context.get(BODY_LIMIT);
        if (context.response().headWritten() || bodyLimit == null || (status != 413 && status != 400)) {
            context.next();
            return;
        }
        respond(context, status == 413
                ? Problem.of("payload-too-large", "Content Too Large", 413,
                        "A body sent to this resource may hold at most " + bodyLimit + " bytes")
                : Problem.of("bad-request", "Bad Request", 400, "The request body could not be read"));
    }

    private void respond(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem.withInstance(context.request().path()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem always serialises", e);
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
