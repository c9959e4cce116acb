package org.openipm.messaging.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * Tags cases to joint operations when they are flagged. Explicit: the officer names the operation, accepted only when
 * the flagging authority takes part in it (else 400 naming {@code operationId}, said the same way whether the
 * operation exists or not). Implicit, when none is named: every operation the authority takes part in whose period
 * holds the day the case opened (UTC). Explicit wins: a named operation is the case's only one. A seizure record
 * naming an operation is refused at intake unless its authority takes part and its day lies in the period
 * ({@link #seizureRefusals}).
 */
@ApplicationScoped
public class OperationTagging {

    public static final String EXPLICIT = "EXPLICIT";
    public static final String IMPLICIT = "IMPLICIT";

    private final OperationRepository operations;

    public OperationTagging(OperationRepository operations) {
        this.operations = operations;
    }

    /** Whether an authority may name this operation on a flag or a seizure record (it takes part in it). */
    public boolean acceptsExplicit(String authority, UUID operationId) {
        return operations.findByIdOptional(operationId).filter(o -> o.authorities.contains(authority)).isPresent();
    }

    /** A seizure record naming an operation: which one, and the day of the seizure. */
    public record Named(UUID operationId, LocalDate seizedOn) {
    }

    /**
     * Why each seizure record may not name its operation, in the order given (empty: it may), with one query: the
     * reporting authority must take part in the operation and the seizure's day lie within its period. An operation
     * the authority does not take part in is said the same way whether it exists or not.
     */
    public List<Optional<String>> seizureRefusals(String authority, List<Named> named) {
        Set<UUID> ids = named.stream().map(Named::operationId).collect(Collectors.toSet());
        Map<UUID, Operation> found = ids.isEmpty() ? Map.of() : operations.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(o -> o.id, o -> o));
        return named.stream().map(n -> {
            Operation operation = found.get(n.operationId());
            if (operation == null || !operation.authorities.contains(authority)) {
                return Optional.of("no operation " + n.operationId() + " that your authority takes part in");
            }
            if (!operation.covers(n.seizedOn())) {
                return Optional.of("the seizure's day " + n.seizedOn() + " is outside the period of operation "
                        + operation.id + " (" + operation.startsOn + " to " + operation.endsOn + ")");
            }
            return Optional.<String>empty();
        }).toList();
    }

    /** Returns the operations the case is tagged to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> tagCase(UUID caseId, String authority, Instant openedAt, UUID explicitOperationId) {
        if (explicitOperationId != null) {
            if (!acceptsExplicit(authority, explicitOperationId)) {
                String message = "no operation " + explicitOperationId + " that your authority takes part in";
                throw new ProblemException(Problem.of("invalid-shipment", "Bad Request", 400, "operationId: "
                        + message).withErrors(List.of(new Problem.FieldError("operationId", message))));
            }
            operations.tagCase(caseId, explicitOperationId, EXPLICIT);
            return List.of(explicitOperationId);
        }
        List<UUID> implicit = operations.ofAuthorityOn(authority, openedAt.atZone(ZoneOffset.UTC).toLocalDate());
        implicit.forEach(id -> operations.tagCase(caseId, id, IMPLICIT));
        return implicit;
    }
}
