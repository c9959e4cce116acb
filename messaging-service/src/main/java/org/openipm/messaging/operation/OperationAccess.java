package org.openipm.messaging.operation;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * Who may see and change which operation, in one place: administrators everything; officers the operations their
 * authority takes part in, and change those it leads; brands the operations they take part in. Anybody else is told
 * the operation does not exist (404).
 */
@RequestScoped
public class OperationAccess {

    public enum Kind { ADMIN, AUTHORITY, BRAND }

    public record Viewer(Kind kind, String id) {
        public Optional<String> brand() {
            return kind == Kind.BRAND ? Optional.of(id) : Optional.empty();
        }
    }

    private final Caller caller;

    public OperationAccess(Caller caller) {
        this.caller = caller;
    }

    public Optional<Viewer> viewer() {
        if (caller.isAdmin()) {
            return Optional.of(new Viewer(Kind.ADMIN, caller.subject()));
        }
        if (caller.is(Roles.OFFICER)) {
            return caller.org().map(org -> new Viewer(Kind.AUTHORITY, org));
        }
        if (caller.is(Roles.BRAND)) {
            return caller.org().map(org -> new Viewer(Kind.BRAND, org));
        }
        return Optional.empty();
    }

    public boolean takesPart(Operation operation, Viewer viewer) {
        return switch (viewer.kind()) {
            case ADMIN -> true;
            case AUTHORITY -> operation.authorities.contains(viewer.id());
            case BRAND -> operation.brands.contains(viewer.id());
        };
    }

    /** The viewer of an operation it may read; 404 otherwise. */
    public Viewer reader(Optional<Operation> operation, Object id) {
        return viewer().filter(v -> operation.isPresent() && takesPart(operation.get(), v))
                .orElseThrow(() -> ProblemException.notFound("Operation " + id));
    }

    /** Administrators and officers of the lead authority change an operation; other participants 403, others 404. */
    public void requireManager(Operation operation) {
        Viewer viewer = reader(Optional.of(operation), operation.id);
        boolean manages = viewer.kind() == Kind.ADMIN
                || (viewer.kind() == Kind.AUTHORITY && viewer.id().equals(operation.leadAuthority));
        if (!manages) {
            throw ProblemException.forbidden("Only the lead authority " + operation.leadAuthority
                    + " or an administrator changes this operation");
        }
    }
}
