package org.openipm.messaging.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * Tags cases to joint operations when they are flagged. Explicit: the officer names the operation, accepted only when
 * the flagging authority takes part in it (else 400 naming {@code operationId}, said the same way whether the
 * operation exists or not). Implicit, when none is named: every operation the authority takes part in whose period
 * holds the day the case opened (UTC). Explicit wins: a named operation is the case's only one.
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
