package org.openipm.messaging.cases.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.openipm.messaging.cases.CaseAccess;
import org.openipm.messaging.cases.CaseQueries;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.deadline.DeadlineView;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/**
 * Participants move a case and the authority extends its deadlines. Every role may call, so that nobody learns
 * from a 403 that a case exists: a non-participant gets 404; a participant who may not make the move, 403.
 */
@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OFFICER, Roles.BRAND, Roles.ADMIN, Roles.CUSTOMS_SYSTEM, Roles.SSP })
public class TransitionResource {

    private final TransitionService transitions;
    private final CaseQueries queries;
    private final CaseAccess access;

    public TransitionResource(TransitionService transitions, CaseQueries queries, CaseAccess access) {
        this.transitions = transitions;
        this.queries = queries;
        this.access = access;
    }

    /** Moves the case; answers the case as the caller sees it after the move. */
    @POST
    @Path("/transitions")
    public Object move(@PathParam("id") UUID id,
            @NotNull(message = "a body naming the status to move to is required") @Valid TransitionRequest request) {
        CaseViewer viewer = viewerOf(id);
        transitions.move(id, viewer, request);
        return queries.find(id, viewer).orElseThrow(() -> ProblemException.notFound("Case " + id));
    }

    /**
     * Records a step of the procedure outside OpenIPM that legal periods count from or end on; answers the case as
     * the caller sees it after it.
     */
    @POST
    @Path("/procedure-events")
    public Object record(@PathParam("id") UUID id,
            @NotNull(message = "a body naming the event is required") @Valid ProcedureEventRequest request) {
        CaseViewer viewer = viewerOf(id);
        transitions.record(id, viewer, request);
        return queries.find(id, viewer).orElseThrow(() -> ProblemException.notFound("Case " + id));
    }

    /** Extends a deadline as its rule allows; answers the deadline with its new end. */
    @POST
    @Path("/deadlines/{deadlineId}/extension")
    public DeadlineView extend(@PathParam("id") UUID id, @PathParam("deadlineId") UUID deadlineId,
            @NotNull(message = "a body with days and justification is required") @Valid ExtensionRequest request) {
        return DeadlineView.of(transitions.extend(id, deadlineId, viewerOf(id), request));
    }

    private CaseViewer viewerOf(UUID id) {
        return access.viewer().orElseThrow(() -> ProblemException.notFound("Case " + id));
    }
}
