package org.openipm.messaging.operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.messaging.statistics.GroupBy;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/** Joint operations and their live results. */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationResource {

    private static final java.util.Set<GroupBy> RESULT_GROUPS = java.util.EnumSet.of(GroupBy.COUNTRY, GroupBy.BRAND,
            GroupBy.TRANSPORT_MODE, GroupBy.DAY);

    private final OperationService operations;
    private final OperationAccess access;
    private final Caller caller;

    public OperationResource(OperationService operations, OperationAccess access, Caller caller) {
        this.operations = operations;
        this.access = access;
        this.caller = caller;
    }

    /** An administrator names the lead authority; an officer's own authority leads the operation it creates. */
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Response create(@Valid @NotNull OperationRequest request) {
        String lead;
        if (caller.isAdmin()) {
            lead = Optional.ofNullable(request.leadAuthority()).orElseThrow(() -> invalid("leadAuthority",
                    "an administrator names the authority that leads the operation"));
        } else {
            lead = caller.org().orElseThrow(() -> ProblemException.forbidden("The token names no authority"));
            if (request.leadAuthority() != null && !request.leadAuthority().equals(lead)) {
                throw invalid("leadAuthority", "an officer creates operations led by their own authority " + lead);
            }
        }
        Operation created = operations.create(request, lead, caller.subject());
        return Response.created(URI.create("/api/v1/operations/" + created.id))
                .entity(OperationView.of(created, Optional.empty())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.BRAND})
    public List<OperationView> list() {
        return access.viewer().map(viewer -> operations.visibleTo(viewer).stream()
                .map(o -> OperationView.of(o, viewer.brand())).toList()).orElse(List.of());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.BRAND})
    public OperationView read(@PathParam("id") UUID id) {
        Optional<Operation> operation = operations.find(id);
        OperationAccess.Viewer viewer = access.reader(operation, id);
        return OperationView.of(operation.get(), viewer.brand());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public OperationView replace(@PathParam("id") UUID id, @Valid @NotNull OperationRequest request) {
        Operation operation = operations.find(id).orElseThrow(() -> ProblemException.notFound("Operation " + id));
        access.requireManager(operation);
        if (request.leadAuthority() != null && !request.leadAuthority().equals(operation.leadAuthority)) {
            throw invalid("leadAuthority", "the lead authority of an operation does not change");
        }
        return OperationView.of(operations.replace(operation, request), Optional.empty());
    }

    /**
     * Seizures counted for the operation, grouped by {@code country}, {@code brand}, {@code transportMode} or
     * {@code day}: authorities (and administrators) see everything, a brand only its own products'.
     */
    @GET
    @Path("{id}/results")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.BRAND})
    public OperationView.Results results(@PathParam("id") UUID id, @QueryParam("groupBy") String groupBy) {
        Optional<Operation> operation = operations.find(id);
        OperationAccess.Viewer viewer = access.reader(operation, id);
        GroupBy grouping = GroupBy.of(groupBy).filter(RESULT_GROUPS::contains).orElseThrow(() -> invalid("groupBy",
                "groupBy is country, brand, transportMode or day"));
        return operations.results(operation.get(), grouping, viewer.brand());
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("invalid-operation", "Bad Request", 400, field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
