package org.openipm.authentication.request;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.openipm.authentication.AuthenticationSettings;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * Officers ask whether a mark is genuine and follow the answer. A request belongs to the officer's authority
 * (token claim {@code org}): another authority's request answers 404, as if it did not exist.
 */
@Path("/api/v1/authentications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
public class AuthenticationResource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuthenticationResource.class);

    private final AuthenticationService service;
    private final CompletionNotices notices;
    private final Caller caller;
    private final Duration recheck;
    private final Duration maxWait;

    public AuthenticationResource(AuthenticationService service, CompletionNotices notices, Caller caller,
            AuthenticationSettings settings) {
        this.service = service;
        this.notices = notices;
        this.caller = caller;
        this.recheck = settings.completionRecheck();
        this.maxWait = settings.completionStreamMaxWait();
    }

    /** 202 with the request's id and a Location to follow; the provider is asked in the background. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@NotNull(message = "a body with code and place is required") @Valid AuthenticationBody body,
            @Context UriInfo uri) {
        AuthenticationRequest request = service.request(body, new AuthenticationService.Requester(authority(),
                caller.country(), caller.subject()));
        return Response.accepted(new Accepted(request.id, request.status))
                .location(uri.getAbsolutePathBuilder().path(request.id.toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    public AuthenticationView get(@PathParam("id") UUID id) {
        return service.find(id, authority()).orElseThrow(() -> ProblemException.notFound("Authentication " + id));
    }

    /**
     * Server-sent events: one event with the completed request, then the stream ends (at once when it is already
     * completed). Without a verdict after {@code completion-stream-max-wait} the stream ends empty and the client
     * opens it again.
     */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<AuthenticationView> events(@PathParam("id") UUID id) {
        String authority = authority();
        // Listening starts before the first read, so a completion committed after that read still wakes the stream;
        // the notices are kept until the stream subscribes. One read when the request is already completed, none
        // more when it completes while the officer waits: the notice carries the completed request (a read only
        // when it is too long for a notice). Notices lost while the listener was reconnecting come back as
        // EVERY_REQUEST; the slow re-check covers a connection that died unnoticed.
        UnicastProcessor<Object> noticed = UnicastProcessor.create();
        Cancellable listening = notices.listen(id, noticed::onNext);
        AuthenticationView now;
        try {
            now = service.find(id, authority).orElseThrow(() -> ProblemException.notFound("Authentication " + id));
        } catch (RuntimeException notFound) {
            listening.cancel();
            throw notFound;
        }
        if (AuthenticationRequest.COMPLETED.equals(now.status())) {
            listening.cancel();
            return Multi.createFrom().item(now);
        }
        return Multi.createBy().merging().streams(
                        noticed.onOverflow().drop(),
                        // startingAfter: without it the first tick comes at once, a second read of every request.
                        Multi.createFrom().ticks().startingAfter(recheck).every(recheck).onOverflow().drop()
                                .map(tick -> (Object) tick))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                // Off the listener's thread: a read, when the notice does not carry the request, blocks.
                .map(wake -> wake instanceof CompletionNotices.Completion completed
                        && completed.carriesViewFor(authority)
                        ? Optional.of(completed.view())
                        : service.find(id, authority))
                .filter(view -> view.isPresent() && AuthenticationRequest.COMPLETED.equals(view.get().status()))
                .map(view -> view.get())
                .select().first()
                .ifNoItem().after(maxWait).recoverWithCompletion()
                .onTermination().invoke(listening::cancel)
                .onFailure().invoke(failure -> LOG.warnf("Completion stream of %s failed: %s", id, failure.toString()));
    }

    private String authority() {
        return caller.org().orElseThrow(() -> ProblemException.forbidden(
                "The officer's token names no authority (claim org)"));
    }
}
