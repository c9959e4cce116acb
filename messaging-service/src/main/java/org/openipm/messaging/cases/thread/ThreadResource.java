package org.openipm.messaging.cases.thread;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.openipm.messaging.cases.CaseAccess;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.platform.problem.PageBounds;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/**
 * A case's thread for its participants. Every role may call it so that nobody learns from a 403 that a case
 * exists: whoever takes no part in the case gets 404 on every path, as for a case that does not exist.
 */
@Path("/api/v1/cases/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OFFICER, Roles.BRAND, Roles.ADMIN, Roles.CUSTOMS_SYSTEM, Roles.SSP })
public class ThreadResource {

    static final int MAX_PAGE_SIZE = 100;

    private final ThreadService threads;
    private final ThreadQueries queries;
    private final CaseAccess access;
    private final ParticipantRepository participants;
    private final PageBounds pageBounds;

    public ThreadResource(ThreadService threads, ThreadQueries queries, CaseAccess access,
            ParticipantRepository participants, PageBounds pageBounds) {
        this.threads = threads;
        this.queries = queries;
        this.access = access;
        this.participants = participants;
        this.pageBounds = pageBounds;
    }

    /** The messages the caller may read, oldest first, with its unread count for the whole thread. */
    @GET
    public ThreadPage list(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        CaseViewer viewer = participant(id);
        if (size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("page-out-of-range", "size may be at most " + MAX_PAGE_SIZE);
        }
        pageBounds.check(page, size);
        return queries.page(id, viewer, page, size);
    }

    @GET
    @Path("/{messageId}")
    public MessageView get(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        return queries.find(id, messageId, participant(id))
                .orElseThrow(() -> ProblemException.notFound("Message " + messageId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("id") UUID id, MessageRequest request) {
        CaseViewer author = participant(id);
        if (request == null) {
            throw ProblemException.badRequest("invalid-message", "A body holding the message is required");
        }
        return created(threads.post(id, author, access.who(), request));
    }

    /** Marks the message read for the caller's authority or brand; idempotent. */
    @POST
    @Path("/{messageId}/read")
    public Response read(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        threads.markRead(id, messageId, participant(id));
        return Response.noContent().build();
    }

    static Response created(MessageView message) {
        return Response.created(URI.create("/api/v1/cases/" + message.caseId() + "/messages/" + message.id()))
                .entity(message).build();
    }

    private CaseViewer participant(UUID caseId) {
        return access.viewer().filter(viewer -> participants.takesPart(caseId, viewer))
                .orElseThrow(() -> ProblemException.notFound("Case " + caseId));
    }
}
