package org.openipm.messaging.cases.thread;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openipm.messaging.cases.CaseAccess;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.ParticipantRepository;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.openipm.platform.problem.PageBounds;
import org.openipm.platform.problem.Problem;
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
    private final Attachments attachments;
    private final ObjectMapper json;

    public ThreadResource(ThreadService threads, ThreadQueries queries, CaseAccess access,
            ParticipantRepository participants, PageBounds pageBounds, Attachments attachments, ObjectMapper json) {
        this.threads = threads;
        this.queries = queries;
        this.access = access;
        this.participants = participants;
        this.pageBounds = pageBounds;
        this.attachments = attachments;
        this.json = json;
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
        return created(threads.post(id, author, access.who(), request, List.of()));
    }

    /**
     * A message with files: part {@code message} holds the message as JSON, each part {@code file} one file (PDF,
     * JPEG, PNG or WebP, told by its content).
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response postWithFiles(@PathParam("id") UUID id, @RestForm("message") String message,
            @RestForm("file") List<FileUpload> files) {
        CaseViewer author = participant(id);
        MessageRequest request = messageOf(message);
        List<FileUpload> received = files == null ? List.of() : files;
        attachments.checkCount(received.size());
        for (int i = 0; i < received.size(); i++) {
            attachments.checkSize(i, received.get(i).size());
        }
        List<Upload> uploads = new ArrayList<>();
        for (FileUpload file : received) {
            try {
                uploads.add(new Upload(file.fileName(), Files.readAllBytes(file.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("An upload received could not be read back", e);
            }
        }
        return created(threads.post(id, author, access.who(), request, uploads));
    }

    /** A file of a message, to whoever may read the message, as the type its content was checked to be. */
    @GET
    @Path("/{messageId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId,
            @PathParam("attachmentId") UUID attachmentId) {
        queries.find(id, messageId, participant(id))
                .orElseThrow(() -> ProblemException.notFound("Message " + messageId));
        CaseAttachment file = attachments.of(messageId, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("Attachment " + attachmentId));
        return Response.ok(file.data, file.contentType)
                .header("Content-Disposition", contentDisposition(file.fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
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

    /** Served as a download, never rendered in place; the UTF-8 name for clients that read RFC 6266's filename*. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\\\\\"]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private MessageRequest messageOf(String message) {
        if (message == null || message.isBlank()) {
            throw invalidPart("a part named message holding the message as JSON is required");
        }
        try {
            return json.readValue(message, MessageRequest.class);
        } catch (JsonProcessingException e) {
            throw invalidPart("not a message in JSON: " + e.getOriginalMessage());
        }
    }

    private static ProblemException invalidPart(String detail) {
        return new ProblemException(Problem.of("invalid-message", "Bad Request", 400, "message: " + detail)
                .withErrors(List.of(new Problem.FieldError("message", detail))));
    }

    private CaseViewer participant(UUID caseId) {
        return access.viewer().filter(viewer -> participants.takesPart(caseId, viewer))
                .orElseThrow(() -> ProblemException.notFound("Case " + caseId));
    }
}
